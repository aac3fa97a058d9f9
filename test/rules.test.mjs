// Fixture-driven rule tests (ESLint RuleTester / typescript-eslint style, with markers in the file):
//   test-fixtures/<rule>/valid*.{ts,js}    must produce no diagnostic at all
//   test-fixtures/<rule>/invalid*.{ts,js}  must produce exactly the marked diagnostics
//   invalid*.fixed.{ts,js}                 the file after every safe fix (absent: no safe fix applies)
//   invalid*.messages.txt                  messages, suggestions and related locations as a user sees them
// RNNLINT_UPDATE=1 rewrites the .fixed and .messages expectations (review the diff before committing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseMarkers, asMarker, markerKey } from './helpers/fixtures.mjs';

const require = createRequire(import.meta.url);
const { lintText, rules, applyEdits } = require('../dist/api.js');
const root = new URL('../test-fixtures/', import.meta.url).pathname;
const update = process.env.RNNLINT_UPDATE === '1';

export function describeMessages(text, messages) {
  const out = [];
  for (const m of messages) {
    out.push(`${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId}: ${m.message}`);
    if (m.fix) out.push(`  fix (safe) "${m.fixTitle}": ${JSON.stringify(applyEdits(text, m.fixEdits).slice(m.fix.range[0], m.fix.range[0] + m.fix.text.length))}`);
    for (const s of m.suggestions ?? []) out.push(`  suggestion${s.isPreferred ? ' (preferred)' : ''} "${s.desc}": ${JSON.stringify(s.fix.text)}`);
    for (const r of m.related ?? []) out.push(`  related ${r.line}:${r.column} ${r.message}`);
  }
  return out.join('\n') + '\n';
}

for (const rule of rules) {
  const dir = join(root, rule.id);
  if (!existsSync(dir)) continue; // the meta test reports missing fixtures
  const files = readdirSync(dir).filter((f) => /^(valid|invalid)[\w-]*\.(ts|js|tsx|jsx|mjs|cjs)$/.test(f) && !/\.fixed\./.test(f));
  for (const file of files) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    if (file.startsWith('valid')) {
      test(`${rule.id}: ${file} produces no diagnostics`, () => {
        const r = lintText(text, path);
        assert.deepEqual(r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`), []);
      });
      continue;
    }
    test(`${rule.id}: ${file} matches its markers, fixes and messages`, () => {
      const r = lintText(text, path);
      const actual = r.messages.filter((m) => m.ruleId).map((m) => markerKey(asMarker(m, text))).sort();
      const expected = parseMarkers(text).map(markerKey).sort();
      assert.deepEqual(actual, expected);
      assert.ok(expected.some((k) => k.endsWith(` ${rule.id}`)), `${file} must mark at least one ${rule.id}`);
      const base = path.replace(/\.(\w+)$/, '');
      const ext = path.slice(path.lastIndexOf('.'));
      const fixedPath = `${base}.fixed${ext}`;
      const fixed = lintText(text, path, { fix: true }).output;
      const msgPath = `${base}.messages.txt`;
      const described = describeMessages(text, r.messages);
      if (update) {
        if (fixed !== undefined) writeFileSync(fixedPath, fixed); else rmSync(fixedPath, { force: true });
        writeFileSync(msgPath, described);
      }
      if (fixed === undefined) assert.ok(!existsSync(fixedPath), `no safe fix applies, but ${fixedPath} exists`);
      else assert.equal(fixed, readFileSync(fixedPath, 'utf8'));
      assert.equal(described, readFileSync(msgPath, 'utf8'));
    });
  }
}
