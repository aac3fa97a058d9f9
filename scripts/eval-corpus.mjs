#!/usr/bin/env node
// Scores the rule set on the evaluation corpus the way the held-out set is scored: through the
// real CLI (`node dist/cli.js --format json`), comparing the set of rule ids reported for each file
// with the file's first-line header `// expect: <rule-id>[, <rule-id>...]` or `// expect: none`.
//
//   node scripts/eval-corpus.mjs [--cli dist/cli.js] [--json] [dirs or files...]
//
// Default inputs: test-fixtures/corpus and test-fixtures/seed. Prints per-rule true positives,
// false negatives, false positives, recall and precision, then every mismatching file with what
// was reported there. Exit 0 when every file matches, 1 on any mismatch, 2 when the CLI could not
// be run or a file has no header.
//
// The same functions drive test/corpus.test.mjs (one node:test test per file).

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DIRS = ['test-fixtures/corpus', 'test-fixtures/seed'];
export const RULE_IDS = [
  'unused-hidden-state',
  'stale-state',
  'state-leak',
  'stacked-activation',
  'returns-input-state',
  'bptt-cut',
  'tidy-disposed-state',
];
/**
 * Known misses: `test-fixtures/corpus/known-misses.json`, `{ "<path from repo root>": { "missed": [ids],
 * "extra": [ids], "why": "..." } }`. They still count as false negatives / positives in the figures;
 * the node:test suite asserts that a listed file behaves exactly as listed (so a fix must remove
 * the entry, and any other change in that file still fails).
 */
export const KNOWN_MISSES_FILE = 'test-fixtures/corpus/known-misses.json';
export function loadKnownMisses(root = ROOT) {
  const p = path.join(root, KNOWN_MISSES_FILE);
  if (!existsSync(p)) return new Map();
  const raw = JSON.parse(readFileSync(p, 'utf8'));
  const out = new Map();
  for (const [rel, entry] of Object.entries(raw)) {
    if (rel.startsWith('$')) continue;
    out.set(path.resolve(root, rel), {
      missed: [...(entry.missed ?? [])].sort(),
      extra: [...(entry.extra ?? [])].sort(),
      why: entry.why ?? '',
    });
  }
  return out;
}

const SOURCE_EXT = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;
const HEADER = /^\s*\/\/\s*expect:\s*(.*?)\s*$/;

/** Every source file under the given files/folders, absolute, sorted. */
export function collectFiles(inputs, root = ROOT) {
  const out = [];
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        walk(path.join(p, name));
      }
    } else if (SOURCE_EXT.test(p)) {
      out.push(p);
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(root, input);
    if (existsSync(abs)) walk(abs);
  }
  return [...new Set(out)].sort();
}

/**
 * The expectation of one file from its first line. Returns `{ expected: string[] }` or
 * `{ error }` when the header is missing or names an unknown rule.
 */
export function parseHeader(text) {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const m = HEADER.exec(first);
  if (!m) return { error: 'first line is not an `// expect: ...` header' };
  const body = m[1].trim();
  if (body === 'none') return { expected: [] };
  const ids = body.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !RULE_IDS.includes(id));
  if (ids.length === 0) return { error: 'empty expect header' };
  if (unknown.length) return { error: `unknown rule id(s) in header: ${unknown.join(', ')}` };
  return { expected: [...new Set(ids)].sort() };
}

/**
 * Runs the CLI once over the files with --format json. Returns a Map absPath -> messages[], plus
 * the raw process result. Throws with the CLI's stderr when its output is not JSON.
 */
export function runCli(files, { cli = path.join(ROOT, 'dist/cli.js'), cwd = ROOT, extraArgs = [] } = {}) {
  if (!existsSync(cli)) {
    throw new Error(`${path.relative(ROOT, cli)} not found: run \`npm run build\` first`);
  }
  const res = spawnSync(process.execPath, [cli, '--format', 'json', ...extraArgs, ...files], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (res.error) throw res.error;
  let parsed;
  try {
    parsed = JSON.parse(res.stdout);
  } catch {
    throw new Error(
      `the CLI did not print JSON (exit ${res.status}).\nstdout: ${res.stdout.slice(0, 2000)}\nstderr: ${res.stderr.slice(0, 4000)}`,
    );
  }
  if (!Array.isArray(parsed)) throw new Error('the CLI JSON output is not an array of results');
  const byFile = new Map();
  for (const r of parsed) {
    const key = path.resolve(cwd, r.filePath);
    byFile.set(key, [...(byFile.get(key) ?? []), ...(r.messages ?? [])]);
  }
  return { byFile, status: res.status, stderr: res.stderr };
}

/** Compares one file's expectation with its messages. */
export function compareFile(expected, messages) {
  const ruleMessages = messages.filter((m) => m.ruleId);
  const reported = [...new Set(ruleMessages.map((m) => m.ruleId))].sort();
  const missed = expected.filter((id) => !reported.includes(id));
  const extra = reported.filter((id) => !expected.includes(id));
  const parseProblems = messages.filter((m) => !m.ruleId);
  return { expected, reported, missed, extra, parseProblems, ok: missed.length === 0 && extra.length === 0 };
}

/** Runs the whole evaluation. */
export function evaluate(inputs = DEFAULT_DIRS, options = {}) {
  const files = collectFiles(inputs, options.root ?? ROOT);
  const headerErrors = [];
  const expectations = new Map();
  for (const f of files) {
    const h = parseHeader(readFileSync(f, 'utf8'));
    if (h.error) headerErrors.push({ file: f, error: h.error });
    else expectations.set(f, h.expected);
  }
  const { byFile, status, stderr } = runCli([...expectations.keys()], options);
  const results = [];
  for (const [file, expected] of expectations) {
    results.push({ file, ...compareFile(expected, byFile.get(file) ?? []), messages: byFile.get(file) ?? [] });
  }
  const perRule = Object.fromEntries(RULE_IDS.map((id) => [id, { tp: 0, fn: 0, fp: 0 }]));
  for (const r of results) {
    for (const id of r.expected) (r.reported.includes(id) ? perRule[id].tp++ : perRule[id].fn++);
    for (const id of r.extra) (perRule[id] ??= { tp: 0, fn: 0, fp: 0 }).fp++;
  }
  const total = Object.values(perRule).reduce(
    (a, s) => ({ tp: a.tp + s.tp, fn: a.fn + s.fn, fp: a.fp + s.fp }),
    { tp: 0, fn: 0, fp: 0 },
  );
  return { files, results, perRule, total, headerErrors, cliStatus: status, cliStderr: stderr, known: loadKnownMisses(options.root ?? ROOT) };
}

const pct = (num, den) => (den === 0 ? '   -  ' : `${((100 * num) / den).toFixed(1).padStart(5)}%`);

export function formatReport(ev) {
  const lines = [];
  const rel = (f) => path.relative(ROOT, f);
  const buggy = ev.results.filter((r) => r.expected.length > 0).length;
  lines.push(
    `corpus: ${ev.results.length} files (${buggy} buggy, ${ev.results.length - buggy} clean); ` +
      `${ev.results.filter((r) => r.ok).length} match their header`,
  );
  lines.push('');
  lines.push(`${'rule'.padEnd(22)} ${'TP'.padStart(4)} ${'FN'.padStart(4)} ${'FP'.padStart(4)}   recall  precision`);
  for (const [id, s] of Object.entries(ev.perRule)) {
    lines.push(
      `${id.padEnd(22)} ${String(s.tp).padStart(4)} ${String(s.fn).padStart(4)} ${String(s.fp).padStart(4)}   ${pct(s.tp, s.tp + s.fn)}  ${pct(s.tp, s.tp + s.fp)}`,
    );
  }
  const t = ev.total;
  lines.push(
    `${'all rules'.padEnd(22)} ${String(t.tp).padStart(4)} ${String(t.fn).padStart(4)} ${String(t.fp).padStart(4)}   ${pct(t.tp, t.tp + t.fn)}  ${pct(t.tp, t.tp + t.fp)}`,
  );
  const cleanFiles = ev.results.filter((r) => r.expected.length === 0);
  const noisyClean = cleanFiles.filter((r) => r.reported.length > 0).length;
  lines.push(`clean files with any diagnostic: ${noisyClean}/${cleanFiles.length}`);
  const bad = ev.results.filter((r) => !r.ok);
  if (bad.length) {
    lines.push('');
    lines.push(`mismatches (${bad.length}):`);
    for (const r of bad) {
      const parts = [];
      if (r.missed.length) parts.push(`missed ${r.missed.join(', ')}`);
      if (r.extra.length) parts.push(`false positive ${r.extra.join(', ')}`);
      const known = ev.known?.get(r.file);
      lines.push(`  ${rel(r.file)}: ${parts.join('; ')}${known ? '  [listed in known-misses.json]' : ''}`);
      for (const m of r.messages) {
        if (m.ruleId && r.extra.includes(m.ruleId)) {
          lines.push(`      ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
  }
  // Messages without a rule id (parse problems, internal errors): grouped by text, not per file.
  const notes = new Map();
  for (const r of ev.results) {
    for (const m of r.parseProblems) {
      const key = m.message.split('\n')[0];
      notes.set(key, [...(notes.get(key) ?? []), rel(r.file)]);
    }
  }
  if (notes.size) {
    lines.push('');
    lines.push('messages without a rule id (parse problems / internal errors):');
    for (const [msg, files] of [...notes].slice(0, 15)) {
      lines.push(`  ${msg}  [${files.length} file(s), e.g. ${files[0]}]`);
    }
    if (notes.size > 15) lines.push(`  ... ${notes.size - 15} more distinct messages`);
  }
  if (ev.headerErrors.length) {
    lines.push('');
    lines.push('files without a valid header (not scored):');
    for (const h of ev.headerErrors) lines.push(`  ${rel(h.file)}: ${h.error}`);
  }
  return lines.join('\n');
}

async function main(argv) {
  let cli;
  let json = false;
  const inputs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--cli') cli = path.resolve(argv[++i]);
    else if (argv[i] === '--json') json = true;
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log('usage: node scripts/eval-corpus.mjs [--cli dist/cli.js] [--json] [dirs or files...]');
      return 0;
    } else inputs.push(argv[i]);
  }
  let ev;
  try {
    ev = evaluate(inputs.length ? inputs : DEFAULT_DIRS, cli ? { cli } : {});
  } catch (e) {
    console.error(`eval-corpus: ${e.message}`);
    return 2;
  }
  if (json) {
    console.log(
      JSON.stringify(
        {
          perRule: ev.perRule,
          total: ev.total,
          files: ev.results.map((r) => ({
            file: path.relative(ROOT, r.file),
            expected: r.expected,
            reported: r.reported,
            ok: r.ok,
          })),
          headerErrors: ev.headerErrors,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(formatReport(ev));
  }
  if (ev.headerErrors.length) return 2;
  return ev.results.every((r) => r.ok) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
