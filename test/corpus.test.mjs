// The evaluation corpus as tests: one test per file of test-fixtures/corpus and test-fixtures/seed.
// Each file's first line says which rules must fire (`// expect: a, b` or `// expect: none`); the
// test runs the built CLI (`node dist/cli.js --format json`, the interface the rule set is scored
// through) once over all files and asserts, per file, the exact set of rule ids it reported, and
// that nothing was reported without a rule id (a parse problem or an internal error in a rule:
// every corpus file is valid code). The figures per rule: `node scripts/eval-corpus.mjs`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { collectFiles, parseHeader, runCli, compareFile, loadKnownMisses, DEFAULT_DIRS, ROOT, KNOWN_MISSES_FILE } from '../scripts/eval-corpus.mjs';

const files = collectFiles(DEFAULT_DIRS);
const known = loadKnownMisses();

test('the corpus holds at least 70 annotated files, about half of them clean', () => {
  const headers = files.map((f) => parseHeader(readFileSync(f, 'utf8')));
  const corpus = files.filter((f) => f.includes(`${path.sep}corpus${path.sep}`));
  assert.ok(corpus.length >= 70, `only ${corpus.length} corpus files`);
  const clean = headers.filter((h) => h.expected && h.expected.length === 0).length;
  assert.ok(clean >= files.length * 0.35 && clean <= files.length * 0.65, `${clean} clean of ${files.length}`);
});

test('expect headers parse: ids, none, unknown ids and missing headers are told apart', () => {
  assert.deepEqual(parseHeader('// expect: state-leak, bptt-cut\nimport x from "y";'), { expected: ['bptt-cut', 'state-leak'] });
  assert.deepEqual(parseHeader('// expect: none\r\n'), { expected: [] });
  assert.match(parseHeader('// expect: stale-states\n').error, /unknown rule id/);
  assert.match(parseHeader('import * as tf from "@tensorflow/tfjs";\n// expect: none').error, /first line/);
});

test('a file matches only when the reported rule ids equal the header (duplicates and parse notes aside)', () => {
  const msg = (ruleId) => ({ ruleId, message: 'm', line: 1, column: 1 });
  assert.equal(compareFile(['stale-state'], [msg('stale-state'), msg('stale-state')]).ok, true);
  assert.deepEqual(compareFile(['stale-state'], [msg('state-leak')]).missed, ['stale-state']);
  assert.deepEqual(compareFile([], [msg('state-leak')]).extra, ['state-leak']);
  const withNote = compareFile([], [msg(null)]);
  assert.equal(withNote.ok, true);
  assert.equal(withNote.parseProblems.length, 1);
});

let run;
let runError;
try {
  run = runCli(files.filter((f) => !parseHeader(readFileSync(f, 'utf8')).error));
} catch (e) {
  runError = e;
}

test('every known-misses.json entry names a corpus file and only rules its header expects (missed) or not (extra)', () => {
  for (const [file, entry] of known) {
    assert.ok(files.includes(file), `${KNOWN_MISSES_FILE}: ${path.relative(ROOT, file)} is not a corpus file`);
    const h = parseHeader(readFileSync(file, 'utf8'));
    for (const id of entry.missed) assert.ok(h.expected.includes(id), `${path.relative(ROOT, file)}: missed ${id} is not in its header`);
    for (const id of entry.extra) assert.ok(!h.expected.includes(id), `${path.relative(ROOT, file)}: extra ${id} is in its header`);
    assert.ok(entry.why, `${path.relative(ROOT, file)}: say why it is missed`);
  }
});

for (const file of files) {
  const name = path.relative(ROOT, file);
  const entry = known.get(file);
  const title = entry ? `${name} (known: ${[...entry.missed.map((id) => `misses ${id}`), ...entry.extra.map((id) => `reports ${id}`)].join(', ')})` : name;
  test(title, () => {
    const header = parseHeader(readFileSync(file, 'utf8'));
    assert.equal(header.error, undefined, `${name}: ${header.error}`);
    if (runError) throw runError;
    const messages = run.byFile.get(file) ?? [];
    const cmp = compareFile(header.expected, messages);
    const detail = messages
      .map((m) => `  ${m.line}:${m.column} ${m.ruleId ?? '(no rule)'}: ${m.message}`)
      .join('\n');
    // A file listed in known-misses.json must behave exactly as listed: when the miss is fixed,
    // this fails until the entry is removed, and any other change still fails.
    const want = entry
      ? [...new Set([...header.expected.filter((id) => !entry.missed.includes(id)), ...entry.extra])].sort()
      : header.expected;
    assert.deepEqual(
      cmp.reported,
      want,
      `rule ids reported for ${name}${entry ? ` (header: ${header.expected.join(', ') || 'none'}; listed in ${KNOWN_MISSES_FILE})` : ''}:\n${detail || '  (none)'}`,
    );
    assert.deepEqual(
      cmp.parseProblems.map((m) => m.message),
      [],
      `messages without a rule id in ${name}`,
    );
  });
}
