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
import { collectFiles, parseHeader, runCli, compareFile, DEFAULT_DIRS, ROOT } from '../scripts/eval-corpus.mjs';

const files = collectFiles(DEFAULT_DIRS);

test('the corpus holds at least 70 annotated files, about half of them clean', () => {
  const headers = files.map((f) => parseHeader(readFileSync(f, 'utf8')));
  const corpus = files.filter((f) => f.includes(`${path.sep}corpus${path.sep}`));
  assert.ok(corpus.length >= 70, `only ${corpus.length} corpus files`);
  const clean = headers.filter((h) => h.expected && h.expected.length === 0).length;
  assert.ok(clean >= files.length * 0.35 && clean <= files.length * 0.65, `${clean} clean of ${files.length}`);
});

let run;
let runError;
try {
  run = runCli(files.filter((f) => !parseHeader(readFileSync(f, 'utf8')).error));
} catch (e) {
  runError = e;
}

for (const file of files) {
  const name = path.relative(ROOT, file);
  test(name, () => {
    const header = parseHeader(readFileSync(file, 'utf8'));
    assert.equal(header.error, undefined, `${name}: ${header.error}`);
    if (runError) throw runError;
    const messages = run.byFile.get(file) ?? [];
    const cmp = compareFile(header.expected, messages);
    const detail = messages
      .map((m) => `  ${m.line}:${m.column} ${m.ruleId ?? '(no rule)'}: ${m.message}`)
      .join('\n');
    assert.deepEqual(cmp.reported, header.expected, `rule ids reported for ${name}:\n${detail || '  (none)'}`);
    assert.deepEqual(
      cmp.parseProblems.map((m) => m.message),
      [],
      `messages without a rule id in ${name}`,
    );
  });
}
