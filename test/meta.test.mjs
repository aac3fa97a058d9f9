// Every rule has its documentation (with the template's sections), fixtures and well-formed meta,
// and every doc example behaves as the doc says (ESLint's checkRuleFiles + docs example tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { lintText, rules } = require('../dist/api.js');
const repo = new URL('../', import.meta.url).pathname;
const SECTIONS = ['What it does', 'Why is this bad?', 'Example', 'Use instead', 'Fix safety', 'When not to use it'];

test('the registry holds the seven rules with their public ids', () => {
  assert.deepEqual(rules.map((r) => r.id).sort(), ['bptt-cut', 'returns-input-state', 'stacked-activation', 'stale-state', 'state-leak', 'tidy-disposed-state', 'unused-hidden-state']);
});

for (const rule of rules) {
  test(`${rule.id}: file, doc, fixtures and meta are complete`, () => {
    assert.ok(existsSync(join(repo, 'rules', `${rule.id}.ts`)), 'rule source named after its id');
    const docPath = join(repo, 'rules', `${rule.id}.md`);
    assert.ok(existsSync(docPath), `rules/${rule.id}.md exists`);
    const doc = readFileSync(docPath, 'utf8');
    for (const s of SECTIONS) assert.match(doc, new RegExp(`^## ${s.replace(/[?]/g, '\\?')}\\s*$`, 'm'), `doc has "## ${s}"`);
    assert.match(doc, new RegExp(`^# ${rule.id}\\b`, 'm'), 'doc title is the rule id');
    const fixtures = join(repo, 'test-fixtures', rule.id);
    assert.ok(existsSync(join(fixtures, 'valid.ts')), 'valid.ts fixture');
    assert.ok(existsSync(join(fixtures, 'invalid.ts')), 'invalid.ts fixture');
    assert.ok(['problem', 'suggestion'].includes(rule.meta.type));
    assert.ok(['error', 'warning'].includes(rule.meta.defaultSeverity));
    assert.ok(['safe', 'suggestion', 'none'].includes(rule.meta.fix));
    assert.ok(rule.meta.docs.description.length > 10);
    // A large rule keeps its checks in rules/<id>/ next to its entry file.
    const partsDir = join(repo, 'rules', rule.id);
    const parts = existsSync(partsDir) ? readdirSync(partsDir).filter((f) => f.endsWith('.ts')).map((f) => join(partsDir, f)) : [];
    const src = [join(repo, 'rules', `${rule.id}.ts`), ...parts].map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const id of Object.keys(rule.meta.messages)) assert.ok(src.includes(`'${id}'`), `message '${id}' is used in the rule source`);
  });

  test(`${rule.id}: doc examples are flagged, "Use instead" examples are clean`, () => {
    const doc = readFileSync(join(repo, 'rules', `${rule.id}.md`), 'utf8');
    const section = (name) => {
      const m = new RegExp(`^## ${name.replace(/[?]/g, '\\?')}\\s*$([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`, 'm').exec(doc);
      return m ? [...m[1].matchAll(/```(ts|js|typescript|javascript)\n([\s\S]*?)```/g)].map((b) => ({ lang: b[1], code: b[2] })) : [];
    };
    const bad = section('Example');
    const good = section('Use instead');
    assert.ok(bad.length > 0 && good.length > 0, 'doc has code in both Example and Use instead');
    for (const b of bad) {
      const r = lintText(b.code, `example.${b.lang.startsWith('j') ? 'js' : 'ts'}`);
      assert.ok(r.messages.some((m) => m.ruleId === rule.id), `Example is flagged by ${rule.id}:\n${b.code}`);
    }
    for (const g of good) {
      const r = lintText(g.code, `example.${g.lang.startsWith('j') ? 'js' : 'ts'}`);
      assert.deepEqual(r.messages.filter((m) => m.ruleId).map((m) => `${m.ruleId}: ${m.message}`), [], `Use instead is clean:\n${g.code}`);
    }
  });
}

test('fixture folders all belong to a rule or a known suite', () => {
  const known = new Set([...rules.map((r) => r.id), 'corpus', 'seed', 'cli', 'probe', 'server', 'bench', 'fuzz', 'real-world', 'e2e']);
  for (const d of readdirSync(join(repo, 'test-fixtures'))) assert.ok(known.has(d), `unexpected fixture folder ${d}`);
});
