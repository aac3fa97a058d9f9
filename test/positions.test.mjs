// Line and column of every diagnostic agree with the compiler's own position mapping (the engine
// maps offsets itself, faster), for files with \n, \r\n and lone \r line ends and with U+2028/U+2029
// inside a comment, which the compiler (and ESLint) count as line ends too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { lintText } = require('../dist/api.js');
const root = new URL('../test-fixtures/', import.meta.url).pathname;

const invalidFixtures = readdirSync(root, { recursive: true }).map(String)
  .filter((f) => /(^|\/)invalid[^/]*\.(ts|js)$/.test(f) && !/\.fixed\./.test(f)).map((f) => join(root, f));

const styles = {
  lf: (t) => t,
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  cr: (t) => t.replace(/\n/g, '\r'),
  separators: (t) => `// a\u2028b\u2029c\n${t}`,
};

for (const [style, convert] of Object.entries(styles)) {
  test(`positions match the compiler's with ${style} line ends`, () => {
    let checked = 0;
    for (const file of invalidFixtures) {
      const text = convert(readFileSync(file, 'utf8'));
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
      const at = (o) => { const lc = sf.getLineAndCharacterOfPosition(o); return [lc.line + 1, lc.character + 1]; };
      for (const m of lintText(text, file).messages) {
        assert.deepEqual([m.line, m.column, m.endLine, m.endColumn], [...at(m.start), ...at(m.end)], `${file} (${style}): ${m.message}`);
        checked++;
      }
    }
    assert.ok(checked > 100, `only ${checked} diagnostics checked`);
  });
}
