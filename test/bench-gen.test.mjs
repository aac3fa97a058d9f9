// The benchmark's generated files must be what the engine exists for (recurrent code it analyses
// in full, not filler its bail-out skips) and must differ between variants without changing size,
// or bench/floor.mjs would measure the wrong thing. No timings here: speed is `npm run bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { generateFile, lineCount, TEMPLATE_COUNT } from '../bench/gen.mjs';

const require = createRequire(import.meta.url);
const api = require('../dist/api.js');
const ts = require('typescript');

test('a generated 800-line file parses cleanly and the engine analyses every template', () => {
  const text = generateFile(800, 3);
  assert.ok(lineCount(text) >= 800 && lineCount(text) < 900, `about 800 lines, got ${lineCount(text)}`);
  const sf = ts.createSourceFile('g.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  assert.deepEqual(sf.parseDiagnostics.map((d) => d.messageText), []);
  const r = api.lintText(text, 'g.ts');
  assert.equal(r.stats.skipped, false);
  assert.ok(r.stats.cells >= 25, `expected at least 25 steps in 800 lines, got ${r.stats.cells}`);
  assert.ok(r.stats.loops >= 10, `expected at least 10 step loops, got ${r.stats.loops}`);
  // The two buggy templates are reported, so the report path is part of what is timed.
  const rules = new Set(r.messages.map((m) => m.ruleId));
  assert.ok(rules.has('stale-state') && rules.has('stacked-activation'), `rules reported: ${[...rules].join(', ')}`);
  assert.ok(TEMPLATE_COUNT >= 8);
});

test('variants differ in text but not in shape', () => {
  const a = generateFile(2000, 1);
  const b = generateFile(2000, 2);
  assert.notEqual(a, b);
  assert.equal(lineCount(a), lineCount(b));
  const ra = api.lintText(a, 'a.ts');
  const rb = api.lintText(b, 'b.ts');
  assert.equal(ra.stats.cells, rb.stats.cells);
  assert.equal(ra.messages.length, rb.messages.length);
});
