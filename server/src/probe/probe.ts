// Probe a cell of a text: slice it (parent), run it (runner child), assemble the versioned trace.
// The same function serves the CLI, the language server and the tests.

import * as path from 'node:path';
import * as fs from 'node:fs';
import { prepareProbe, SliceError } from './slice';
import { ProbePool, type RunLimits } from './pool';
import { lintText } from '../lint';
import { TRACE_VERSION, type ProbeFinding, type ProbeOutcome, type ProbeRunOptions, type ProbeTrace } from './types';

export interface ProbeRequest extends ProbeRunOptions {
  text: string;
  fileName: string;
  cellName?: string;
  /** Offset of the cursor: picks the cell containing it. */
  offset?: number;
  signal?: AbortSignal;
  /** Only the trace pass (bench). */
  traceOnly?: boolean;
  /** Where each cell produces its new states (1-based lines), from the engine's cell summaries. */
  newStateLines?: (name: string) => (number | null)[] | undefined;
}

let shared: ProbePool | undefined;
/** One warm runner per process (server, CLI). */
export function sharedPool(): ProbePool {
  return (shared ??= new ProbePool());
}
export function disposeSharedPool(): void {
  shared?.dispose();
  shared = undefined;
}

export function wasmDir(runnerPath?: string): string | undefined {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (const d of [runnerPath ? path.dirname(runnerPath) : '', here, path.join(here, '..', 'dist')])
    if (d && fs.existsSync(path.join(d, 'tfjs-backend-wasm.wasm'))) return d;
  return undefined;
}

export async function probeText(req: ProbeRequest, pool: ProbePool = sharedPool()): Promise<ProbeOutcome> {
  const t0 = performance.now();
  const fileName = path.resolve(req.fileName);
  let prepared;
  try {
    prepared = prepareProbe(req.text, fileName, req);
  } catch (e) {
    if (e instanceof SliceError) return { ok: false, file: fileName, failure: { kind: e.kind, message: e.message, line: e.line } };
    return { ok: false, file: fileName, failure: { kind: 'slice', message: `could not slice the cell: ${(e as Error).message}` } };
  }
  const sliceMs = performance.now() - t0;
  const limits: RunLimits = { timeoutMs: req.timeoutMs, maxHeapMb: req.maxHeapMb, signal: req.signal };
  const res = await pool.run(
    { fileName, code: prepared.code, cell: prepared.cell, config: prepared.config, wasmDir: wasmDir(pool.runnerPath), traceOnly: req.traceOnly },
    limits,
  );
  if (!res.ok) return { ok: false, file: fileName, cell: prepared.cell.name, failure: res.failure };
  const { result, backend, tfjs, loadTfMs, runMs } = res.reply;
  const trace: ProbeTrace = {
    version: TRACE_VERSION,
    file: fileName,
    cell: { ...prepared.cell, stateNames: Object.keys(result.steps[0]?.states ?? {}) },
    backend,
    tfjs,
    config: {
      ...prepared.config,
      inputSize: result.sizes.input,
      stateSizes: result.sizes.states,
    },
    steps: result.steps,
    checks: result.checks,
    findings: relateToRules(result.findings, result, req.text, fileName, prepared.cell),
    timings: { sliceMs, runnerStartMs: res.startMs, loadTfMs, runMs, totalMs: performance.now() - t0, warm: res.warm, phases: result.phases },
  };
  return { ok: true, trace };
}

/**
 * Say how each finding relates to the static rules on the same cell: "confirms <rule>" when the rule
 * reported it too, "not reported statically" when it did not; and add a finding for each static
 * report in the cell that the run contradicts (the state does matter, the state does change, the
 * state does reach ±1).
 */
export function relateToRules(
  findings: ProbeFinding[],
  run: { checks: ProbeTrace['checks']; steps: ProbeTrace['steps'] },
  text: string,
  fileName: string,
  cell: { start: number; end: number; line: number },
): ProbeFinding[] {
  let reported: { ruleId: string; line: number }[] | null = null;
  try {
    reported = lintText(text, fileName)
      .messages.filter((m) => m.ruleId && m.start >= cell.start && m.end <= cell.end)
      .map((m) => ({ ruleId: m.ruleId!, line: m.line }));
  } catch {
    reported = null;
  }
  const out = findings.map((f) => {
    if (!f.rule || !reported) return f;
    if (reported.some((r) => r.ruleId === f.rule)) return { ...f, confirms: f.rule, message: `${f.message}; confirms ${f.rule}` };
    return { ...f, message: `${f.message}; not reported by the static rule ${f.rule}` };
  });
  if (!reported) return out;
  const c = run.checks;
  const seen = new Set<string>();
  for (const r of reported) {
    if (seen.has(r.ruleId)) continue;
    seen.add(r.ruleId);
    let why: string | null = null;
    const everyStateMatters = !c.stateSensitivity || Object.values(c.stateSensitivity).every((v) => v > 1e-6);
    if (r.ruleId === 'unused-hidden-state' && c.hiddenSensitivity !== null && c.hiddenSensitivity > 1e-6 && everyStateMatters)
      why = `the output changes with the initial value of every state (max |Δ| = ${c.hiddenSensitivity.toPrecision(3)})`;
    if (r.ruleId === 'returns-input-state' && !c.frozen && run.steps.length > 1) why = 'every state changes from step to step';
    if (r.ruleId === 'stacked-activation' && c.drivenRange) {
      const max = Math.max(...Object.values(c.drivenRange).map((x) => Math.max(Math.abs(x.min ?? 0), Math.abs(x.max ?? 0))));
      if (max > 0.99) why = `the state reaches ±${max.toFixed(3)} with large inputs, so it is not squashed twice`;
    }
    if (why)
      out.push({
        id: 'contradicts',
        severity: 'info',
        message: `probe: ${why}; contradicts ${r.ruleId} (reported on line ${r.line})`,
        contradicts: r.ruleId,
        line: r.line,
      });
  }
  return out;
}

/** True when a trace holds problems (exit code 1 of `rnnlint probe`). */
export function hasProblems(trace: ProbeTrace): boolean {
  return trace.findings.some((f) => f.severity !== 'info');
}
