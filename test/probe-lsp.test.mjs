// The probe's requests through the real language server over stdio JSON-RPC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { startServer } from './server-lsp-client.mjs';
import { fixture, leftovers, newMarker } from './probe-helpers.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const uriOf = (f) => pathToFileURL(fixture(f)).href;

test('probeCells lists the cells; probe returns the trace of the cell at the cursor', async () => {
  const marker = newMarker();
  const client = await startServer({ env: { RNNLINT_TEST_MARKER: marker } });
  try {
    const uri = uriOf('lstm-forward.ts');
    const text = fs.readFileSync(fixture('lstm-forward.ts'), 'utf8');
    client.open(uri, text);
    const cells = await client.conn.sendRequest('rnnlint/probeCells', { uri });
    assert.deepEqual(cells.map((c) => [c.name, c.kind, c.line]), [['LSTMCell', 'forward', text.split('\n').findIndex((l) => l.includes('class LSTMCell')) + 1]]);
    const res = await client.conn.sendRequest('rnnlint/probe', { uri, offset: text.indexOf('tf.split') });
    assert.equal(res.ok, true, JSON.stringify(res));
    assert.equal(res.trace.cell.name, 'LSTMCell');
    assert.deepEqual(res.trace.cell.stateNames, ['h', 'c']);
    assert.ok(res.trace.checks.hiddenSensitivity > 0);

    // The document's own text is probed, not the file on disk: edit it to ignore the state.
    const edited = text.replace('tf.matMul(h, this.U)', 'tf.matMul(tf.zerosLike(h), this.U)').replace('tf.sigmoid(f).mul(c)', 'tf.sigmoid(f).mul(tf.zerosLike(c))');
    client.change(uri, edited);
    const res2 = await client.conn.sendRequest('rnnlint/probe', { uri, cellName: 'LSTMCell' });
    assert.equal(res2.ok, true);
    assert.equal(res2.trace.checks.hiddenSensitivity, 0);
    const f = res2.trace.findings.find((x) => x.id === 'ignores-state');
    assert.equal(f.rule, 'unused-hidden-state');
    // h is still read (through zerosLike), so the static rule may or may not see it; the probe says which.
    assert.match(f.message, /confirms unused-hidden-state|not reported by the static rule unused-hidden-state/);
  } finally {
    await client.stop();
  }
  assert.deepEqual(await leftovers(marker), [], 'the runner outlived the server');
});

test('cancelling the request stops a runaway cell', async () => {
  const marker = newMarker();
  const client = await startServer({ env: { RNNLINT_TEST_MARKER: marker } });
  try {
    const uri = uriOf('infinite-loop.ts');
    client.open(uri, fs.readFileSync(fixture('infinite-loop.ts'), 'utf8'));
    const source = new rpc.CancellationTokenSource();
    const pending = client.conn.sendRequest('rnnlint/probe', { uri, timeoutMs: 60_000 }, source.token);
    await new Promise((r) => setTimeout(r, 2000));
    source.cancel();
    const outcome = await pending.then(
      (r) => r,
      (e) => ({ rejected: e }),
    );
    // Either the handler's own answer (cancelled) or the client's cancellation error.
    if (!outcome.rejected) assert.equal(outcome.failure.kind, 'cancelled');
    // The runner is gone while the server lives on.
    const left = await leftovers(marker);
    assert.deepEqual(left.filter((p) => p.cmd.includes('probe-runner')), []);
    assert.equal(client.alive(), true);
  } finally {
    await client.stop();
  }
});
