#!/usr/bin/env node
// Runs node's built-in test runner over test/**/*.test.mjs. Node 20's `--test` takes no globs and
// its directory mode would also run every helper module under test/, so the list is built here.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('../', import.meta.url).pathname;
const pattern = process.argv.includes('--e2e') ? /\.e2e\.mjs$/ : /\.test\.mjs$/;
const files = readdirSync(join(root, 'test'), { recursive: true })
  .map(String)
  .filter((f) => pattern.test(f))
  .map((f) => relative(root, join(root, 'test', f)))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const extra = process.argv.slice(2).filter((a) => a !== '--e2e');
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...extra, ...files], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
