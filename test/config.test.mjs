// loadProjectConfig / loadConfigFile (shared by the CLI and the language server), driven through
// the CLI bundle's exports on scratch folders.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliModule, scratch } from './cli-helpers.mjs';

const write = (file, value) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
};

test('nearest config wins; package.json "rnnlint" key; rnnlint.config.json beats package.json', (t) => {
  const { loadProjectConfig } = cliModule();
  const dir = scratch(t);
  write(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  write(path.join(dir, 'rnnlint.config.json'), { rules: { 'stale-state': 'warn' } });
  write(path.join(dir, 'pkg', 'package.json'), { name: 'pkg', rnnlint: { rules: { 'stale-state': 'off', 'state-leak': 2 } } });
  write(path.join(dir, 'pkg', 'plain', 'package.json'), { name: 'plain' });
  write(path.join(dir, 'both', 'package.json'), { name: 'both', rnnlint: { rules: { 'stale-state': 'off' } } });
  write(path.join(dir, 'both', 'rnnlint.config.json'), { rules: { 'stale-state': 'error' } });
  fs.mkdirSync(path.join(dir, 'pkg', 'plain', 'src'), { recursive: true });

  const top = loadProjectConfig(dir);
  assert.deepEqual(top, { rules: { 'stale-state': 'warn' }, configFile: path.join(dir, 'rnnlint.config.json'), errors: [] });
  const deep = loadProjectConfig(path.join(dir, 'pkg', 'plain', 'src'));
  assert.deepEqual(deep.rules, { 'stale-state': 'off', 'state-leak': 'error' }, 'a package.json without the key is passed over');
  assert.equal(deep.configFile, path.join(dir, 'pkg', 'package.json'));
  assert.deepEqual(loadProjectConfig(path.join(dir, 'both')).rules, { 'stale-state': 'error' });
  // A file path is accepted too (its folder is used), even for a file not yet saved.
  assert.deepEqual(loadProjectConfig(path.join(dir, 'pkg', 'new-file.ts')).rules, deep.rules);
});

test('the search stops at the repository root (.git)', (t) => {
  const { loadProjectConfig } = cliModule();
  const dir = scratch(t);
  write(path.join(dir, 'rnnlint.config.json'), { rules: { 'stale-state': 'off' } });
  write(path.join(dir, 'repo', '.git', 'HEAD'), 'ref: refs/heads/main\n');
  fs.mkdirSync(path.join(dir, 'repo', 'src'), { recursive: true });
  assert.deepEqual(loadProjectConfig(path.join(dir, 'repo', 'src')), { rules: {}, errors: [] });
  // Without the boundary the outer file applies.
  assert.deepEqual(loadProjectConfig(path.join(dir, 'elsewhere')).rules, { 'stale-state': 'off' });
});

test('problems are messages, not exceptions; valid entries still apply', (t) => {
  const { loadProjectConfig, loadConfigFile } = cliModule();
  const dir = scratch(t);
  write(path.join(dir, '.git', 'HEAD'), '');
  write(path.join(dir, 'a', 'rnnlint.config.json'), '{ "rules": { ');
  const a = loadProjectConfig(path.join(dir, 'a'));
  assert.deepEqual(a.rules, {});
  assert.equal(a.errors.length, 1);
  assert.match(a.errors[0], /rnnlint\.config\.json: invalid JSON/);

  write(path.join(dir, 'b', 'rnnlint.config.json'), { rules: { 'stale-state': 'warn', 'bogus-rule': 'warn', 'state-leak': 'loud', 'bptt-cut': ['off'] }, plugins: [] });
  const b = loadProjectConfig(path.join(dir, 'b'));
  assert.deepEqual(b.rules, { 'stale-state': 'warn', 'bptt-cut': 'off' });
  assert.equal(b.errors.length, 3);
  assert.ok(b.errors.some((e) => /unknown rule "bogus-rule"/.test(e)));
  assert.ok(b.errors.some((e) => /"state-leak" has an invalid level "loud"/.test(e)));
  assert.ok(b.errors.some((e) => /unknown key "plugins"/.test(e)));

  write(path.join(dir, 'c', 'rnnlint.config.json'), '[1, 2]');
  assert.match(loadProjectConfig(path.join(dir, 'c')).errors[0], /must be an object/);
  write(path.join(dir, 'd', 'package.json'), '{ "name": "d", "rnnlint": { "rules": { } ');
  assert.match(loadProjectConfig(path.join(dir, 'd')).errors[0], /package\.json: invalid JSON/);
  write(path.join(dir, 'e', 'package.json'), '{ "name": broken');
  assert.deepEqual(loadProjectConfig(path.join(dir, 'e')), { rules: {}, errors: [] }, 'a broken package.json that is not ours is ignored');

  assert.match(loadConfigFile(path.join(dir, 'none.json')).errors[0], /not found/);
  write(path.join(dir, 'f', 'package.json'), { name: 'f' });
  assert.match(loadConfigFile(path.join(dir, 'f', 'package.json')).errors[0], /no "rnnlint" key/);
  write(path.join(dir, 'g.json'), { rules: { 'stale-state': 1 } });
  assert.deepEqual(loadConfigFile(path.join(dir, 'g.json')).rules, { 'stale-state': 'warn' });
});

test('a changed config file is re-read (cache keyed by mtime and size)', (t) => {
  const { loadProjectConfig } = cliModule();
  const dir = scratch(t);
  write(path.join(dir, '.git', 'HEAD'), '');
  const file = path.join(dir, 'rnnlint.config.json');
  write(file, { rules: { 'stale-state': 'warn' } });
  assert.deepEqual(loadProjectConfig(dir).rules, { 'stale-state': 'warn' });
  // The caller may mutate what it gets without poisoning the cache.
  loadProjectConfig(dir).rules['stale-state'] = 'error';
  assert.deepEqual(loadProjectConfig(dir).rules, { 'stale-state': 'warn' });
  write(file, { rules: { 'stale-state': 'off' } });
  const later = new Date(Date.now() + 2000);
  fs.utimesSync(file, later, later);
  assert.deepEqual(loadProjectConfig(dir).rules, { 'stale-state': 'off' });
  fs.rmSync(file);
  assert.deepEqual(loadProjectConfig(dir), { rules: {}, errors: [] });
});
