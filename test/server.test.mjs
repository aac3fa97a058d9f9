// The language server over real stdio JSON-RPC: what an editor sees and does.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer, ofRule, textOf, tempProject, HEADER, RETURNS_INPUT } from './server-lsp-client.mjs';

/** Two steps that return their old state (RETURNS_INPUT and one more): fix-all has two fixes to apply. */
const TWO_RETURNS_INPUT = `${RETURNS_INPUT}
export function step2(x: tf.Tensor, state: tf.Tensor) {
  const next = tf.sigmoid(tf.add(tf.matMul(x, W), tf.matMul(state, U)));
  return state;
}
`;
/** tanh of sigmoid: stacked-activation, suggestions only. */
const STACKED = `${HEADER}
export function act(z: tf.Tensor) {
  if (z) {
    return tf.tanh(tf.sigmoid(z));
  }
  return z;
}
`;
const PLAIN = `export function add(a: number, b: number) {\n  return a + b;\n}\n`;

const project = tempProject('rnnlint-server-test-');
/** A fresh file: URI in the temp project (the server reads the project config next to it). */
const newUri = (name) => project.uri(name);

describe('push diagnostics (stdio)', () => {
  let c;
  before(async () => {
    c = await startServer();
  });
  after(() => c.stop());

  it('reports a cell that returns its input state, with source, code, doc link and related info', async () => {
    const uri = newUri();
    c.open(uri, RETURNS_INPUT);
    const diags = await c.diagnosticsFor(uri);
    const [d] = ofRule(diags, 'returns-input-state');
    assert.ok(d, `expected returns-input-state in ${JSON.stringify(diags)}`);
    assert.equal(d.source, 'rnnlint');
    assert.equal(textOf(RETURNS_INPUT, d.range), 'h');
    assert.equal(d.range.start.line, 6);
    assert.match(d.codeDescription.href, /returns-input-state\.md$/);
    assert.match(d.message, /hNew/);
    assert.ok([1, 2].includes(d.severity));
    assert.ok(d.relatedInformation?.length > 0, 'points at where the new state is computed');
    assert.equal(textOf(RETURNS_INPUT, d.relatedInformation[0].location.range), 'hNew');
  });

  it('the preferred quick fix returns the new state, and the diagnostic goes away', async () => {
    const uri = newUri();
    c.open(uri, RETURNS_INPUT);
    const [d] = ofRule(await c.diagnosticsFor(uri), 'returns-input-state');
    const actions = await c.codeActions(uri, d.range, [d]);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0].kind, 'quickfix');
    assert.match(preferred[0].title, /hNew/);
    assert.deepEqual(preferred[0].diagnostics.map((x) => x.code), ['returns-input-state']);
    c.applyEdit(preferred[0].edit);
    assert.match(c.textOf(uri), /\n {2}return hNew;\n/);
    const after = await c.diagnosticsFor(uri);
    assert.deepEqual(ofRule(after, 'returns-input-state'), []);
  });

  it('offers suggestions for stacked activations; applying one clears the diagnostic', async () => {
    const uri = newUri();
    c.open(uri, STACKED);
    const [d] = ofRule(await c.diagnosticsFor(uri), 'stacked-activation');
    assert.ok(d, 'stacked-activation reported');
    assert.equal(textOf(STACKED, d.range), 'tf.tanh(tf.sigmoid(z))');
    const actions = await c.codeActions(uri, d.range, [d]);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /outer/.test(t)), titles.join(' | '));
    const removeOuter = actions.find((a) => /outer/.test(a.title));
    c.applyEdit(removeOuter.edit);
    assert.match(c.textOf(uri), /return tf\.sigmoid\(z\);/);
    assert.deepEqual(ofRule(await c.diagnosticsFor(uri), 'stacked-activation'), []);
  });

  it('lists fix, fix-all, disable line, disable file and documentation actions in that order', async () => {
    const uri = newUri();
    c.open(uri, TWO_RETURNS_INPUT);
    const diags = ofRule(await c.diagnosticsFor(uri), 'returns-input-state');
    assert.equal(diags.length, 2);
    const titles = (await c.codeActions(uri, diags[0].range, [diags[0]])).map((a) => a.title);
    assert.deepEqual(titles.slice(1), [
      'Fix all returns-input-state problems in this file',
      'Disable returns-input-state for this line',
      'Disable returns-input-state for the entire file',
      'Show documentation for returns-input-state',
    ]);
  });

  it('"fix all <rule> problems" fixes every occurrence in one edit', async () => {
    const uri = newUri();
    c.open(uri, TWO_RETURNS_INPUT);
    const diags = ofRule(await c.diagnosticsFor(uri), 'returns-input-state');
    const fixAll = (await c.codeActions(uri, diags[1].range, [diags[1]])).find((a) => a.title.startsWith('Fix all'));
    c.applyEdit(fixAll.edit);
    assert.match(c.textOf(uri), /return hNew;/);
    assert.match(c.textOf(uri), /return next;/);
    assert.deepEqual(ofRule(await c.diagnosticsFor(uri), 'returns-input-state'), []);
  });

  it('source.fixAll.rnnlint applies every safe fix and leaves suggestions alone', async () => {
    const uri = newUri();
    const text = TWO_RETURNS_INPUT + STACKED.slice(HEADER.length);
    c.open(uri, text);
    const diags = await c.diagnosticsFor(uri);
    assert.equal(ofRule(diags, 'returns-input-state').length, 2);
    assert.equal(ofRule(diags, 'stacked-activation').length, 1);
    const actions = await c.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.rnnlint']);
    c.applyEdit(actions[0].edit);
    const after = await c.diagnosticsFor(uri);
    assert.deepEqual(ofRule(after, 'returns-input-state'), []);
    assert.equal(ofRule(after, 'stacked-activation').length, 1, 'a suggestion is never applied by fix-all');
    // Asked for quick fixes only: no source action.
    const quick = await c.codeActions(uri, after[0].range, after, ['quickfix']);
    assert.ok(quick.every((a) => a.kind === 'quickfix'));
  });

  it('source.fixAll right after typing (before the debounced analysis) still fixes the new text', async () => {
    const uri = newUri();
    c.open(uri, PLAIN);
    await c.diagnosticsFor(uri);
    c.change(uri, RETURNS_INPUT); // no wait: the debounced run has not happened yet
    const actions = await c.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.rnnlint']);
    assert.equal(actions.length, 1);
    c.applyEdit(actions[0].edit);
    assert.match(c.textOf(uri), /return hNew;/);
  });

  it('"disable for this line" inserts an indented comment that silences only that rule', async () => {
    const uri = newUri();
    c.open(uri, STACKED);
    const [d] = ofRule(await c.diagnosticsFor(uri), 'stacked-activation');
    const disable = (await c.codeActions(uri, d.range, [d])).find((a) => a.title === 'Disable stacked-activation for this line');
    c.applyEdit(disable.edit);
    assert.match(c.textOf(uri), /\n {4}\/\/ rnnlint-disable-next-line stacked-activation\n {4}return tf\.tanh\(tf\.sigmoid\(z\)\);/);
    assert.deepEqual(ofRule(await c.diagnosticsFor(uri), 'stacked-activation'), []);
  });

  it('"disable for this line" adds to an existing disable-next-line comment', async () => {
    const uri = newUri();
    const text = STACKED.replace('    return tf.tanh', '    // rnnlint-disable-next-line returns-input-state\n    return tf.tanh');
    c.open(uri, text);
    const [d] = ofRule(await c.diagnosticsFor(uri), 'stacked-activation');
    const disable = (await c.codeActions(uri, d.range, [d])).find((a) => a.title === 'Disable stacked-activation for this line');
    c.applyEdit(disable.edit);
    assert.match(c.textOf(uri), /\n {4}\/\/ rnnlint-disable-next-line returns-input-state, stacked-activation\n {4}return tf\.tanh/);
    assert.deepEqual(ofRule(await c.diagnosticsFor(uri), 'stacked-activation'), []);
  });

  it('"disable for the entire file" silences the rule everywhere in the file, and only that rule', async () => {
    const uri = newUri();
    const text = TWO_RETURNS_INPUT + STACKED.slice(HEADER.length);
    c.open(uri, text);
    const diags = ofRule(await c.diagnosticsFor(uri), 'returns-input-state');
    const disable = (await c.codeActions(uri, diags[0].range, [diags[0]])).find((a) => a.title === 'Disable returns-input-state for the entire file');
    c.applyEdit(disable.edit);
    assert.ok(c.textOf(uri).startsWith('/* rnnlint-disable returns-input-state */\nimport'));
    const after = await c.diagnosticsFor(uri);
    assert.deepEqual(ofRule(after, 'returns-input-state'), []);
    assert.equal(ofRule(after, 'stacked-activation').length, 1);
  });

  it('disable comments respect a shebang, CRLF line ends and an existing file-level comment', async () => {
    const uri = newUri('script.js');
    const js = STACKED.replace(/: tf\.Tensor/g, '');
    const text = ('#!/usr/bin/env node\n/* rnnlint-disable state-leak */\n' + js).replace(/\n/g, '\r\n');
    c.open(uri, text, 'javascript');
    const [d] = ofRule(await c.diagnosticsFor(uri), 'stacked-activation');
    const actions = await c.codeActions(uri, d.range, [d]);
    c.applyEdit(actions.find((a) => a.title === 'Disable stacked-activation for the entire file').edit);
    assert.ok(c.textOf(uri).startsWith('#!/usr/bin/env node\r\n/* rnnlint-disable state-leak, stacked-activation */\r\nimport'));
    assert.deepEqual(ofRule(await c.diagnosticsFor(uri), 'stacked-activation'), []);
    // Line comments take the document's line ends too.
    const uri2 = newUri('script2.js');
    c.open(uri2, js.replace(/\n/g, '\r\n'), 'javascript');
    const [d2] = ofRule(await c.diagnosticsFor(uri2), 'stacked-activation');
    const line = (await c.codeActions(uri2, d2.range, [d2])).find((a) => a.title === 'Disable stacked-activation for this line');
    c.applyEdit(line.edit);
    assert.match(c.textOf(uri2), /\r\n {4}\/\/ rnnlint-disable-next-line stacked-activation\r\n {4}return tf\.tanh/);
    assert.deepEqual(ofRule(await c.diagnosticsFor(uri2), 'stacked-activation'), []);
    // Lone CR line ends (classic Mac): the LSP counts them as line ends, so the comment goes above
    // the diagnostic's line, not at the top of the file.
    const uri3 = newUri('script3.js');
    c.open(uri3, js.replace(/\n/g, '\r'), 'javascript');
    const [d3] = ofRule(await c.diagnosticsFor(uri3), 'stacked-activation');
    const line3 = (await c.codeActions(uri3, d3.range, [d3])).find((a) => a.title === 'Disable stacked-activation for this line');
    c.applyEdit(line3.edit);
    assert.match(c.textOf(uri3), /\r {4}\/\/ rnnlint-disable-next-line stacked-activation\r {4}return tf\.tanh/);
    assert.deepEqual(ofRule(await c.diagnosticsFor(uri3), 'stacked-activation'), []);
  });

  it('a quick fix is not offered from a diagnostic of an older version of the document', async () => {
    const uri = newUri();
    c.open(uri, RETURNS_INPUT);
    const [d] = ofRule(await c.diagnosticsFor(uri), 'returns-input-state');
    c.change(uri, RETURNS_INPUT.replace('export function', '\nexport function'));
    const actions = await c.codeActions(uri, d.range, [d]);
    assert.ok(!actions.some((a) => a.isPreferred), 'the stale fix would edit the wrong place');
    assert.ok(actions.some((a) => a.title.startsWith('Show documentation')));
    await c.diagnosticsFor(uri);
  });

  it('publishes only the newest version when edits come faster than the debounce', async () => {
    const uri = newUri();
    c.open(uri, RETURNS_INPUT);
    await c.diagnosticsFor(uri);
    c.change(uri, RETURNS_INPUT.replace('return h;', 'return h ;'));
    c.change(uri, RETURNS_INPUT.replace('return h;', 'return  h;'));
    const v4 = c.change(uri, RETURNS_INPUT.replace('return h;', 'return hNew;'));
    assert.deepEqual(await c.diagnosticsFor(uri, v4), []);
    const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions, [1, v4]);
  });

  it('sends a status with the cells found and the problem count', async () => {
    const uri = newUri();
    c.open(uri, TWO_RETURNS_INPUT);
    const s = await c.statusFor(uri);
    assert.equal(s.state, 'ok');
    assert.equal(s.cells, 2);
    assert.equal(s.problems, 2);
    assert.equal(s.skipped, false);
    assert.equal(typeof s.timeMs, 'number');
  });

  it('a file without tfjs or step-shaped code gets no diagnostics and a "skipped" status', async () => {
    const uri = newUri();
    c.open(uri, PLAIN);
    assert.deepEqual(await c.diagnosticsFor(uri), []);
    const s = await c.statusFor(uri);
    assert.equal(s.skipped, true);
    assert.equal(s.cells, 0);
  });

  it('languages outside rnnlint.validate are not linted', async () => {
    const uri = newUri('notes.md');
    c.open(uri, RETURNS_INPUT, 'markdown');
    assert.deepEqual(await c.diagnosticsFor(uri), []);
    assert.equal((await c.statusFor(uri)).state, 'notValidated');
  });

  it('JavaScript and untitled documents are linted too', async () => {
    const js = RETURNS_INPUT.replace(/: tf\.Tensor/g, '');
    const uri = 'untitled:Untitled-1';
    c.open(uri, js, 'javascript');
    assert.equal(ofRule(await c.diagnosticsFor(uri), 'returns-input-state').length, 1);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = newUri();
    c.open(uri, RETURNS_INPUT);
    assert.equal((await c.diagnosticsFor(uri)).length > 0, true);
    const mark = c.published.length;
    c.close(uri);
    const cleared = await c.until(() => c.published.slice(mark).find((p) => p.uri === uri), 'diagnostics after close');
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('"show documentation" asks the client to show the bundled rule doc', async () => {
    const uri = newUri();
    c.open(uri, RETURNS_INPUT);
    const [d] = ofRule(await c.diagnosticsFor(uri), 'returns-input-state');
    const docs = (await c.codeActions(uri, d.range, [d])).find((a) => a.title === 'Show documentation for returns-input-state');
    assert.equal(docs.command.command, 'rnnlint.showDocumentation');
    await c.conn.sendRequest('workspace/executeCommand', { command: docs.command.command, arguments: docs.command.arguments });
    const shown = await c.until(() => c.showDocument.at(-1), 'window/showDocument');
    assert.match(shown.uri, /^file:.*\/dist\/rules\/returns-input-state\.md$/);
    assert.ok(existsSync(fileURLToPath(shown.uri)), 'the doc is bundled in dist/rules');
  });
});

describe('settings', () => {
  let c;
  before(async () => {
    c = await startServer({ settings: {} });
  });
  after(() => c.stop());

  it('rnnlint.rules changes severity and turns rules off, live', async () => {
    const uri = newUri();
    c.open(uri, RETURNS_INPUT);
    const [d0] = ofRule(await c.diagnosticsFor(uri), 'returns-input-state');
    assert.equal(d0.severity, 1, 'default severity of returns-input-state is error');
    const requestsBefore = c.configurationRequests;
    c.forgetMessages();
    c.configChanged({ rules: { 'returns-input-state': 'warn' } });
    const [d1] = ofRule(await c.diagnosticsFor(uri), 'returns-input-state');
    assert.equal(d1.severity, 2, 'warning after the change');
    assert.ok(c.configurationRequests > requestsBefore, 'settings were fetched again for the document');
    c.forgetMessages();
    c.configChanged({ rules: { 'returns-input-state': 'off' } });
    assert.deepEqual(ofRule(await c.diagnosticsFor(uri), 'returns-input-state'), []);
    c.forgetMessages();
    c.configChanged({});
    assert.equal(ofRule(await c.diagnosticsFor(uri), 'returns-input-state').length, 1);
  });

  it('rnnlint.enable = false removes diagnostics; true brings them back', async () => {
    const uri = newUri();
    c.open(uri, STACKED);
    assert.equal((await c.diagnosticsFor(uri)).length, 1);
    c.forgetMessages();
    c.configChanged({ enable: false });
    assert.deepEqual(await c.diagnosticsFor(uri), []);
    assert.equal((await c.statusFor(uri)).state, 'disabled');
    c.forgetMessages();
    c.configChanged({ enable: true });
    assert.equal((await c.diagnosticsFor(uri)).length, 1);
  });

  it('rnnlint.run = onSave: typing does not lint, saving does', async () => {
    const onSave = newUri();
    const onType = newUri();
    c.configChanged((scopeUri) => (scopeUri === onSave ? { run: 'onSave' } : {}));
    c.open(onSave, PLAIN);
    c.open(onType, PLAIN);
    assert.deepEqual(await c.diagnosticsFor(onSave), [], 'opening lints');
    await c.diagnosticsFor(onType);
    const v2 = c.change(onSave, RETURNS_INPUT);
    const w2 = c.change(onType, RETURNS_INPUT);
    // Both changes were debounced alike; the onType document's result marks that the delay passed.
    assert.equal(ofRule(await c.diagnosticsFor(onType, w2), 'returns-input-state').length, 1);
    assert.ok(!c.published.some((p) => p.uri === onSave && p.version === v2), 'not linted while typing');
    c.save(onSave);
    assert.equal(ofRule(await c.diagnosticsFor(onSave, v2), 'returns-input-state').length, 1);
    c.configChanged({});
  });

  it('the project rnnlint.config.json sets levels, and rnnlint.rules wins over it', async () => {
    const proj = mkdtempSync(path.join(project.dir, 'proj-'));
    writeFileSync(path.join(proj, '.git'), '');
    writeFileSync(path.join(proj, 'rnnlint.config.json'), JSON.stringify({ rules: { 'stacked-activation': 'off', 'returns-input-state': 'warn' } }));
    const uri = pathToFileURL(path.join(proj, 'cell.ts')).href;
    c.open(uri, RETURNS_INPUT + STACKED.slice(HEADER.length));
    const diags = await c.diagnosticsFor(uri);
    assert.deepEqual(ofRule(diags, 'stacked-activation'), [], 'off in the project file');
    assert.equal(ofRule(diags, 'returns-input-state')[0].severity, 2, 'warn in the project file');
    c.forgetMessages();
    c.configChanged({ rules: { 'stacked-activation': 'error' } });
    const after = await c.diagnosticsFor(uri);
    assert.equal(ofRule(after, 'stacked-activation')[0]?.severity, 1, 'settings on top of the project file');
    assert.equal(ofRule(after, 'returns-input-state')[0].severity, 2, 'the rest of the project file still applies');
    // Editing the project file (a watched file) applies at once.
    writeFileSync(path.join(proj, 'rnnlint.config.json'), JSON.stringify({ rules: { 'returns-input-state': 'off' } }));
    c.forgetMessages();
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(proj, 'rnnlint.config.json')).href, type: 2 }] });
    assert.deepEqual(ofRule(await c.diagnosticsFor(uri), 'returns-input-state'), []);
    c.configChanged({});
  });

  it('rnnlint.validate decides which languages are linted', async () => {
    const ts = newUri();
    c.open(ts, RETURNS_INPUT);
    assert.equal((await c.diagnosticsFor(ts)).length, 1);
    c.forgetMessages();
    c.configChanged({ validate: ['javascript'] });
    assert.deepEqual(await c.diagnosticsFor(ts), []);
    assert.equal((await c.statusFor(ts)).state, 'notValidated');
    c.forgetMessages();
    c.configChanged({});
    assert.equal((await c.diagnosticsFor(ts)).length, 1);
  });

  it('clients without workspace/configuration push settings in didChangeConfiguration', async () => {
    const p = await startServer({ configuration: false });
    try {
      const uri = newUri();
      p.open(uri, RETURNS_INPUT);
      assert.equal(ofRule(await p.diagnosticsFor(uri), 'returns-input-state')[0].severity, 1);
      p.published.length = 0;
      p.configChanged({ rules: { 'returns-input-state': 'warn' } });
      assert.equal(ofRule(await p.diagnosticsFor(uri), 'returns-input-state')[0].severity, 2);
      assert.equal(p.configurationRequests, 0);
    } finally {
      await p.stop();
    }
  });
});

describe('pull diagnostics', () => {
  let c;
  before(async () => {
    c = await startServer({ pull: true });
  });
  after(() => c.stop());

  it('registers a diagnostic provider and answers textDocument/diagnostic instead of pushing', async () => {
    assert.ok(c.initializeResult.capabilities.diagnosticProvider);
    const uri = newUri();
    c.open(uri, RETURNS_INPUT);
    const report = await c.pull(uri);
    assert.equal(report.kind, 'full');
    const [d] = ofRule(report.items, 'returns-input-state');
    assert.equal(d.source, 'rnnlint');
    assert.equal(textOf(RETURNS_INPUT, d.range), 'h');
    // Quick fixes work from pulled diagnostics too.
    const fix = (await c.codeActions(uri, d.range, [d])).find((a) => a.isPreferred);
    c.applyEdit(fix.edit);
    const again = await c.pull(uri, report.resultId);
    assert.equal(again.kind, 'full');
    assert.deepEqual(ofRule(again.items, 'returns-input-state'), []);
    assert.ok(!c.published.some((p) => p.uri === uri), 'nothing pushed for an open document');
  });

  it('diagnostics pushed by Lint Workspace for a closed file are cleared when it opens (pull takes over)', async () => {
    const ws = mkdtempSync(path.join(project.dir, 'pullws-'));
    writeFileSync(path.join(ws, 'cell.ts'), RETURNS_INPUT);
    const uri = pathToFileURL(path.join(ws, 'cell.ts')).href;
    const r = await c.conn.sendRequest('rnnlint/lintFiles', { uris: [uri] });
    assert.equal(r.problems, 1);
    const pushed = await c.diagnosticsFor(uri, undefined);
    assert.equal(pushed.length, 1);
    const mark = c.published.length;
    c.open(uri, RETURNS_INPUT);
    const cleared = await c.until(() => c.published.slice(mark).find((p) => p.uri === uri), 'the pushed diagnostics cleared');
    assert.deepEqual(cleared.diagnostics, []);
    assert.equal(ofRule((await c.pull(uri)).items, 'returns-input-state').length, 1, 'now reported by pull, once');
  });

  it('answers "unchanged" for the same version and settings', async () => {
    const uri = newUri();
    c.open(uri, STACKED);
    const first = await c.pull(uri);
    const second = await c.pull(uri, first.resultId);
    assert.equal(second.kind, 'unchanged');
    assert.equal(second.resultId, first.resultId);
  });

  it('asks the client to re-pull after a settings change, and the new pull has the new severity', async () => {
    const uri = newUri();
    c.open(uri, RETURNS_INPUT);
    const first = await c.pull(uri);
    assert.equal(ofRule(first.items, 'returns-input-state')[0].severity, 1);
    const refreshes = c.refreshes;
    c.configChanged({ rules: { 'returns-input-state': 'warn' } });
    await c.until(() => (c.refreshes > refreshes ? true : undefined), 'workspace/diagnostic/refresh');
    const second = await c.pull(uri, first.resultId);
    assert.equal(second.kind, 'full');
    assert.equal(ofRule(second.items, 'returns-input-state')[0].severity, 2);
    c.configChanged({});
  });
});

describe('robustness', () => {
  let c;
  before(async () => {
    c = await startServer();
  });
  after(() => c.stop());

  it('a 10 MB document does not hold up a small one opened after it', async () => {
    const big = manyCells(10_000_000);
    const bigUri = newUri('big.ts');
    const smallUri = newUri();
    c.open(bigUri, big);
    c.open(smallUri, STACKED);
    await c.diagnosticsFor(smallUri);
    const order = () => c.published.filter((p) => p.uri === bigUri || p.uri === smallUri).map((p) => (p.uri === bigUri ? 'big' : 'small'));
    assert.equal(order()[0], 'small', 'the small document was answered first');
    const busy = c.statuses.find((p) => p.uri === bigUri);
    assert.equal(busy?.state, 'analysing', 'the status says the big document is being analysed');
    const bigDiags = await c.diagnosticsFor(bigUri);
    assert.ok(ofRule(bigDiags, 'returns-input-state').length > 1000, `the big one is analysed too (${bigDiags.length})`);
    assert.equal((await c.statusFor(bigUri)).state, 'ok');
  });

  it('a background analysis overtaken by an edit is never published', async () => {
    const uri = newUri('edited.ts');
    const text = manyCells(1_000_000);
    c.open(uri, text); // analysed in the worker from now on
    const v2 = c.change(uri, text.replace('return h;', 'return hNew;'));
    const diags = await c.diagnosticsFor(uri, v2);
    assert.equal(ofRule(diags, 'returns-input-state').length, (await c.statusFor(uri, v2)).problems);
    assert.deepEqual(c.published.filter((p) => p.uri === uri).map((p) => p.version), [v2], 'version 1 was analysed but not published');
  });

  it('rnnlint.maxFileSize: a longer document is not analysed and the status says why', async () => {
    c.configChanged({ maxFileSize: 1000 });
    const uri = newUri();
    c.open(uri, RETURNS_INPUT + ' '.repeat(1000));
    assert.deepEqual(await c.diagnosticsFor(uri), []);
    const s = await c.statusFor(uri);
    assert.equal(s.state, 'tooLarge');
    assert.match(s.message, /rnnlint\.maxFileSize/);
    c.configChanged({});
  });
});

/** About 1 MB of cells: analysed in the background worker. */
function manyCells(minLength) {
  const cell = RETURNS_INPUT.slice(HEADER.length);
  let text = HEADER;
  for (let i = 0; text.length < minLength; i++) text += cell.replace('function step', `function step${i}`);
  return text;
}

describe('a document the analysis cannot handle fails alone', () => {
  it('runs out of the analysis heap: no diagnostics for it, a logged error, the server lives on', async () => {
    const c = await startServer({ env: { RNNLINT_WORKER_HEAP_MB: '48' } });
    try {
      const bad = newUri('huge.ts');
      c.open(bad, manyCells(3_000_000));
      assert.deepEqual(await c.diagnosticsFor(bad), []);
      const status = await c.statusFor(bad);
      assert.equal(status.state, 'error', JSON.stringify(status));
      assert.match(status.message, /memory/);
      assert.ok(c.logs.some((l) => l.type === 1 && /analysis of .*huge\.ts failed/.test(l.message)), 'the error is logged');
      const good = newUri();
      c.open(good, RETURNS_INPUT);
      assert.equal(ofRule(await c.diagnosticsFor(good), 'returns-input-state').length, 1);
      assert.ok(c.alive());
    } finally {
      await c.stop();
    }
  });

  it('takes too long: the analysis is stopped, the next document is analysed', async () => {
    const c = await startServer({ env: { RNNLINT_ANALYSIS_TIMEOUT_MS: '20' } });
    try {
      const slow = newUri('slow.ts');
      c.open(slow, manyCells(1_000_000));
      assert.deepEqual(await c.diagnosticsFor(slow), []);
      const status = await c.statusFor(slow);
      assert.equal(status.state, 'error');
      assert.match(status.message, /stopped after 20 ms/);
      const good = newUri();
      c.open(good, STACKED);
      assert.equal(ofRule(await c.diagnosticsFor(good), 'stacked-activation').length, 1);
    } finally {
      await c.stop();
    }
  });
});

describe('lint files that are not open (Lint Workspace)', () => {
  let c;
  before(async () => {
    c = await startServer();
  });
  after(() => c.stop());

  it('pushes diagnostics for files on disk and counts them', async () => {
    const ws = mkdtempSync(path.join(project.dir, 'ws-'));
    writeFileSync(path.join(ws, '.git'), '');
    const files = { 'a.ts': RETURNS_INPUT, 'b.js': STACKED.replace(/: tf\.Tensor/g, ''), 'c.ts': PLAIN };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(ws, name), text);
    const uris = Object.keys(files).map((f) => pathToFileURL(path.join(ws, f)).href);
    const r = await c.conn.sendRequest('rnnlint/lintFiles', { uris });
    assert.deepEqual(r, { files: 3, problems: 2, filesWithProblems: 2, failed: 0, skipped: 0 });
    assert.equal(ofRule(await c.diagnosticsFor(uris[0], undefined), 'returns-input-state').length, 1);
    assert.equal(ofRule(await c.diagnosticsFor(uris[1], undefined), 'stacked-activation').length, 1);
  });
});

describe('IPC transport', () => {
  it('speaks --node-ipc as the VS Code client starts it', async () => {
    const c = await startServer({ transport: 'ipc' });
    try {
      const uri = newUri();
      c.open(uri, RETURNS_INPUT);
      assert.equal(ofRule(await c.diagnosticsFor(uri), 'returns-input-state').length, 1);
    } finally {
      await c.stop();
    }
  });
});
