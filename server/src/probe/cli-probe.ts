// `rnnlint probe FILE [--cell NAME] [--steps T] [--batch B] [--seed S] [--format table|json]
//                     [--timeout MS] [--max-heap MB]`
// Exit 0: it ran and found nothing; 1: it ran and found problems; 2: it could not run (reason printed).

import * as fs from 'node:fs';
import { disposeSharedPool, hasProblems, probeText } from './probe';
import { formatFailure, formatTable } from './format';

const USAGE = 'usage: rnnlint probe FILE [--cell NAME] [--steps T] [--batch B] [--seed S] [--format table|json] [--timeout MS] [--max-heap MB]';

export async function runProbeCommand(argv: string[]): Promise<number> {
  const args = argv[0] === 'probe' ? argv.slice(1) : argv.slice();
  let file: string | undefined;
  const opts: { cell?: string; steps?: number; batch?: number; seed?: number; format: string; timeoutMs?: number; maxHeapMb?: number } = { format: 'table' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = () => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) throw new Error(`${flag} needs a non-negative integer`);
      return v;
    };
    try {
      switch (flag) {
        case '--cell':
          opts.cell = value();
          break;
        case '--steps':
          opts.steps = int();
          break;
        case '--batch':
          opts.batch = int();
          break;
        case '--seed':
          opts.seed = int();
          break;
        case '--timeout':
          opts.timeoutMs = int();
          break;
        case '--max-heap':
          opts.maxHeapMb = int();
          break;
        case '--format':
          opts.format = value();
          if (opts.format !== 'table' && opts.format !== 'json') throw new Error('--format is table or json');
          break;
        case '-h':
        case '--help':
          process.stdout.write(USAGE + '\n');
          return 0;
        default:
          if (flag.startsWith('-')) throw new Error(`unknown option ${flag}`);
          if (file) throw new Error('one FILE at a time');
          file = a;
      }
    } catch (e) {
      process.stderr.write(`rnnlint probe: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
  }
  if (!file) {
    process.stderr.write(`rnnlint probe: no FILE given\n${USAGE}\n`);
    return 2;
  }
  if (opts.steps === 0 || opts.batch === 0) {
    process.stderr.write('rnnlint probe: --steps and --batch must be at least 1\n');
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`rnnlint probe: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    const outcome = await probeText({
      text,
      fileName: file,
      cellName: opts.cell,
      steps: opts.steps,
      batch: opts.batch,
      seed: opts.seed,
      timeoutMs: opts.timeoutMs,
      maxHeapMb: opts.maxHeapMb,
    });
    if (!outcome.ok) {
      if (opts.format === 'json') process.stdout.write(JSON.stringify({ ok: false, file: outcome.file, cell: outcome.cell ?? null, error: outcome.failure }, null, 2) + '\n');
      process.stderr.write(formatFailure(outcome.file, outcome.failure, outcome.cell) + '\n');
      return 2;
    }
    process.stdout.write((opts.format === 'json' ? JSON.stringify(outcome.trace, null, 2) : formatTable(outcome.trace)) + '\n');
    return hasProblems(outcome.trace) ? 1 : 0;
  } finally {
    disposeSharedPool();
  }
}
