// Strict type-check of everything (client, server, rules, and the fixtures against tfjs's types).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('tsc --noEmit reports no errors (sources and fixtures)', () => {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], {
    cwd: new URL('../', import.meta.url).pathname, encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
