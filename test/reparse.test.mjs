// Incremental reparsing (the language server's per-document ReparseCache) must lint exactly like a
// parse from scratch: every corpus file, edited as a user would (typing, deleting, pasting a line,
// deleting a block, breaking and mending the syntax), linted through one cache after each edit and
// compared with a fresh lintText of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { lintText, ReparseCache } = require('../dist/api.js');
const CORPUS = path.join(import.meta.dirname, '..', 'test-fixtures', 'corpus');

/** A small deterministic PRNG, so a failure names an edit that can be replayed. */
function prng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function edits(text, rand, count) {
  const out = [];
  let t = text;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(rand() * t.length);
    const kind = Math.floor(rand() * 6);
    const lineStart = t.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = t.indexOf('\n', at) < 0 ? t.length : t.indexOf('\n', at) + 1;
    if (kind === 0) t = t.slice(0, at) + 'x' + t.slice(at); // type a character
    else if (kind === 1) t = t.slice(0, at) + t.slice(at + 1); // delete one
    else if (kind === 2) t = t.slice(0, lineEnd) + t.slice(lineStart, lineEnd) + t.slice(lineEnd); // duplicate a line
    else if (kind === 3) t = t.slice(0, lineStart) + t.slice(lineEnd); // delete a line
    else if (kind === 4) t = t.slice(0, at) + '{ (' + t.slice(at); // break the syntax
    else t = t.slice(0, at) + t.slice(Math.min(t.length, at + Math.floor(rand() * 200))); // delete a block
    out.push(t);
  }
  return out;
}

const strip = (r) => r.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message} ${JSON.stringify(m.fix ?? null)} ${JSON.stringify(m.suggestions?.map((s) => s.fix) ?? [])}`);

test('linting through a ReparseCache after each edit equals linting from scratch', () => {
  const files = readdirSync(CORPUS).filter((f) => /\.(ts|js)$/.test(f)).sort();
  const rand = prng(424242);
  const cache = new ReparseCache(2);
  let compared = 0;
  for (const [i, f] of files.entries()) {
    if (i % 3 !== 0) continue; // a third of the corpus keeps the suite quick; the seed picks the edits
    const text = readFileSync(path.join(CORPUS, f), 'utf8');
    const key = `file:///${f}`;
    for (const [k, t] of [text, ...edits(text, rand, 8)].entries()) {
      const incremental = lintText(t, f, {}, { cache, key });
      const fresh = lintText(t, f);
      assert.deepEqual(strip(incremental), strip(fresh), `${f}, after edit ${k}`);
      compared++;
    }
  }
  assert.ok(compared > 1000, `compared ${compared} texts`);
});

test('a cache holds only `capacity` documents, and a closed one is forgotten', () => {
  const cache = new ReparseCache(2);
  const text = readFileSync(path.join(CORPUS, readdirSync(CORPUS).find((f) => f.endsWith('.ts'))), 'utf8');
  for (const key of ['a', 'b', 'c']) cache.parse(key, text, 'x.ts');
  // `a` fell out: its next parse starts from scratch and still lints the same.
  assert.deepEqual(strip(lintText(text + '\n', 'x.ts', {}, { cache, key: 'a' })), strip(lintText(text + '\n', 'x.ts')));
  cache.delete('b');
  assert.deepEqual(strip(lintText(text, 'x.ts', {}, { cache, key: 'b' })), strip(lintText(text, 'x.ts')));
});
