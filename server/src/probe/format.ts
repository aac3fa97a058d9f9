// Text views of a trace: the terminal table (`rnnlint probe`), the compact inline string the editor
// puts after the line producing a state, and a Markdown table for hovers. All read the same trace.

import type { ProbeFailure, ProbeTrace } from './types';

// Figures that were NaN or Inf arrive as null (JSON has neither).
const n2 = (x: number | null) => (x !== null && Number.isFinite(x) ? x.toFixed(2) : 'NaN');
const n3 = (x: number | null) => (x !== null && Number.isFinite(x) ? (Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(1) : x.toFixed(3)) : 'NaN');
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `h ‖·‖ 0.00→0.41→0.63→0.71→0.77  Δ→0.02  sat 3%` for one state. */
export function inlineSummary(trace: ProbeTrace, state: string, maxSteps = 6): string {
  const steps = trace.steps;
  const norms = steps.map((s) => s.states[state]?.norm ?? NaN);
  const shown = norms.length > maxSteps ? [...norms.slice(0, maxSteps - 2).map(n2), '…', ...norms.slice(-1).map(n2)] : norms.map(n2);
  const last = steps[steps.length - 1]?.states[state];
  const sat = last ? `  sat ${pct(last.saturated)}` : '';
  const change = last ? `  Δ→${n2(last.change)}` : '';
  const flags: string[] = [];
  if (trace.checks.frozenStates.includes(state)) flags.push('frozen');
  if (trace.checks.hiddenSensitivity === 0) flags.push('ignores state');
  if (trace.checks.nanStep !== null) flags.push(`NaN@${trace.checks.nanStep}`);
  return `${state} ‖·‖ ${shown.join('→')}${change}${sat}${flags.length ? '  ⚠ ' + flags.join(', ') : ''}`;
}

function pad(s: string, w: number, right = true): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

/** The terminal table: one block per state, then the checks and findings. */
export function formatTable(trace: ProbeTrace): string {
  const lines: string[] = [];
  const c = trace.config;
  lines.push(`${trace.file}: ${trace.cell.name} (${trace.cell.kind}), backend ${trace.backend} (${trace.tfjs.source === 'workspace' ? `workspace @tensorflow/tfjs-node ${trace.tfjs.version ?? ''}`.trim() : `bundled @tensorflow/tfjs ${trace.tfjs.version ?? ''}`.trim()})`);
  if (trace.tfjs.fallbackReason) lines.push(`  note: ${trace.tfjs.fallbackReason}`);
  lines.push(`  batch ${c.batch}, steps ${c.steps}, seed ${c.seed}, inputSize ${c.inputSize}, state sizes ${c.stateSizes.join(', ')}`);
  const header = ['step', 'norm', 'mean', 'std', 'min', 'max', 'sat', 'dead', 'change'];
  const widths = [4, 8, 8, 8, 8, 8, 5, 5, 8];
  for (const name of trace.cell.stateNames) {
    lines.push('');
    lines.push(`  state ${name}`);
    lines.push('  ' + header.map((h, i) => pad(h, widths[i])).join(' ') + '  first units');
    for (const s of trace.steps) {
      const st = s.states[name];
      if (!st) continue;
      const row = [String(s.step), n3(st.norm), n3(st.mean), n3(st.std), n3(st.min), n3(st.max), pct(st.saturated), pct(st.dead), n3(st.change)];
      lines.push('  ' + row.map((v, i) => pad(v, widths[i])).join(' ') + '  ' + st.first.slice(0, 4).map(n2).join(' '));
    }
  }
  lines.push('');
  lines.push(`  output norm per step: ${trace.steps.map((s) => n3(s.outputNorm)).join(' ')}`);
  const k = trace.checks;
  lines.push('  checks:');
  lines.push(`    hiddenSensitivity    ${k.hiddenSensitivity === null ? 'n/a' : n3(k.hiddenSensitivity)}`);
  if (k.stateSensitivity) lines.push(`    per state            ${Object.entries(k.stateSensitivity).map(([n, v]) => `${n} ${n3(v)}`).join('  ')}`);
  lines.push(`    frozen               ${k.frozen}${k.frozenStates.length ? ` (${k.frozenStates.join(', ')})` : ''}`);
  lines.push(`    gradientNorms        ${k.gradientNorms ? k.gradientNorms.map(n3).join(' ') : k.gradientError ?? 'n/a'}`);
  lines.push(`    nanStep              ${k.nanStep ?? 'none'}`);
  lines.push(`    leakedTensorsPerStep ${n3(k.leakedTensorsPerStep)}`);
  if (k.drivenRange)
    lines.push(`    range (inputs x100)  ${Object.entries(k.drivenRange).map(([s, r]) => `${s} [${n3(r.min)}, ${n3(r.max)}]`).join('  ')}`);
  lines.push(trace.findings.length ? '  findings:' : '  findings: none');
  for (const f of trace.findings) lines.push(`    ${trace.file}:${f.line}  ${f.severity.padEnd(7)} ${f.message}`);
  lines.push(`  timings: total ${Math.round(trace.timings.totalMs)} ms (${trace.timings.warm ? 'warm' : 'cold'} runner, tfjs load ${Math.round(trace.timings.loadTfMs)} ms, run ${Math.round(trace.timings.runMs)} ms)`);
  return lines.join('\n');
}

/** Markdown per-step table of every state (hover). */
export function markdownTable(trace: ProbeTrace, only?: string): string {
  const out: string[] = [`**RNNLint probe** · \`${trace.cell.name}\` · ${trace.backend} · batch ${trace.config.batch} × ${trace.config.steps} steps`, ''];
  for (const name of trace.cell.stateNames) {
    if (only && name !== only) continue;
    out.push(`state \`${name}\``, '', '| step | norm | mean | std | min | max | sat | dead | Δ |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const s of trace.steps) {
      const st = s.states[name];
      if (st) out.push(`| ${s.step} | ${n3(st.norm)} | ${n3(st.mean)} | ${n3(st.std)} | ${n3(st.min)} | ${n3(st.max)} | ${pct(st.saturated)} | ${pct(st.dead)} | ${n3(st.change)} |`);
    }
    out.push('');
  }
  const k = trace.checks;
  out.push(`hidden-state sensitivity ${k.hiddenSensitivity === null ? 'n/a' : n3(k.hiddenSensitivity)} · frozen ${k.frozen} · NaN step ${k.nanStep ?? 'none'} · leaked/step ${n3(k.leakedTensorsPerStep)}`);
  for (const f of trace.findings) out.push('', `- ${f.message}`);
  return out.join('\n');
}

export function formatFailure(file: string, f: ProbeFailure, cell?: string): string {
  const where = f.line ? `${file}:${f.line}${f.column ? ':' + f.column : ''}` : file;
  return `${where}: probe${cell ? ` of ${cell}` : ''} could not run (${f.kind}): ${f.message}`;
}
