// A production build (`node esbuild.mjs --production`, what `npm run package` ships: minified
// bundles) in a temporary folder that links to the sources, so the bench can measure the shipped
// server and VSIX without rewriting the shared dist/ that others' tests are using.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lsp.mjs';

// Sources and dependencies are linked; what the VSIX packs besides dist/ is copied (small files).
// (rules/ is copied: esbuild.mjs copies its .md files into dist/rules, and a linked folder would
// arrive there as a link that vsce does not pack.)
const LINKED = ['client', 'server', 'node_modules', 'tsconfig.json'];
const COPIED = ['esbuild.mjs', '.vscodeignore', 'rules', 'images', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/** Builds into a new temp folder; returns { dir, dispose } or { error }. */
export function buildProduction() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rnnlint-bench-prod-'));
  for (const f of LINKED) if (existsSync(path.join(ROOT, f))) symlinkSync(path.join(ROOT, f), path.join(dir, f));
  for (const f of COPIED) if (existsSync(path.join(ROOT, f))) cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  const r = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0 || !existsSync(path.join(dir, 'dist', 'server.js'))) {
    dispose();
    return { error: `node esbuild.mjs --production failed: ${(r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n')[0]}` };
  }
  return { dir, dispose };
}
