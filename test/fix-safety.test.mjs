// Fixes that never lose code: every safe fix and every suggestion, applied alone to every fixture
// that offers one, yields code that parses, removes the diagnostic it targets, adds no diagnostic,
// and adds no TypeScript error against the tfjs types (one compiler program over all variants).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { lintText, applyEdits } = require('../dist/api.js');
const repo = new URL('../', import.meta.url).pathname;

function fixtureFiles() {
  const root = join(repo, 'test-fixtures');
  return readdirSync(root, { recursive: true }).map(String)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.fixed\./.test(f) && !f.startsWith('cli') && !f.startsWith('probe') && !f.startsWith('e2e'))
    .map((f) => join(root, f));
}

const key = (m) => `${m.ruleId}: ${m.message}`;
function countBy(list) {
  const c = new Map();
  for (const k of list) c.set(k, (c.get(k) ?? 0) + 1);
  return c;
}

test('every fix and suggestion keeps the code parsing, removes its diagnostic and adds none', () => {
  const variants = [];
  const problems = [];
  for (const file of fixtureFiles()) {
    const text = readFileSync(file, 'utf8');
    const before = lintText(text, file);
    const beforeKeys = countBy(before.messages.filter((m) => m.ruleId).map(key));
    const parseErrorsBefore = before.messages.filter((m) => m.ruleId === null).length;
    for (const m of before.messages) {
      const options = [];
      if (m.fixEdits) options.push({ title: `fix "${m.fixTitle}"`, edits: m.fixEdits });
      for (const s of m.suggestions ?? []) options.push({ title: `suggestion "${s.desc}"`, edits: s.edits });
      for (const o of options) {
        const label = `${relative(repo, file)}:${m.line}:${m.column} ${m.ruleId} ${o.title}`;
        const fixed = applyEdits(text, o.edits);
        const after = lintText(fixed, file);
        if (after.messages.filter((x) => x.ruleId === null).length > parseErrorsBefore) problems.push(`${label}: result does not parse`);
        const afterKeys = countBy(after.messages.filter((x) => x.ruleId).map(key));
        if ((afterKeys.get(key(m)) ?? 0) >= (beforeKeys.get(key(m)) ?? 0)) problems.push(`${label}: the diagnostic is still there`);
        for (const [k, n] of afterKeys) if (n > (beforeKeys.get(k) ?? 0)) problems.push(`${label}: new diagnostic ${k}`);
        variants.push({ file, label, fixed });
      }
    }
  }
  assert.ok(variants.length > 0, 'fixtures offer fixes');
  assert.deepEqual(problems, []);

  // Type-check originals and variants together: a variant may not add a TypeScript error.
  const tmp = join(repo, 'node_modules/.cache/rnnlint-fix-safety');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const tsVariants = variants.filter((v) => v.file.endsWith('.ts'));
  const originals = [...new Set(tsVariants.map((v) => v.file))];
  const names = new Map();
  originals.forEach((f, i) => { const p = join(tmp, `o${i}.ts`); writeFileSync(p, readFileSync(f, 'utf8')); names.set(f, p); });
  const variantPaths = tsVariants.map((v, i) => { const p = join(tmp, `v${i}.ts`); writeFileSync(p, v.fixed); return { ...v, path: p }; });
  const program = ts.createProgram([...names.values(), ...variantPaths.map((v) => v.path)], {
    strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler, types: [], isolatedModules: true,
  });
  const errors = (p) => countBy(ts.getPreEmitDiagnostics(program, program.getSourceFile(p)).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`));
  const typeProblems = [];
  for (const v of variantPaths) {
    const base = errors(names.get(v.file));
    for (const [k, n] of errors(v.path)) if (n > (base.get(k) ?? 0)) typeProblems.push(`${v.label}: ${k}`);
  }
  rmSync(tmp, { recursive: true, force: true });
  assert.deepEqual(typeProblems, []);
});
