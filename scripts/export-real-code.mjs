#!/usr/bin/env node
// Exports the real public code that the real-code benchmark row and scripts/real-world.mjs read,
// from bare snapshots of public repositories (a `.git` folder without a work tree, such as the
// library's `fetch` leaves in /work/.mirror/<owner>+<name>/repo), so that the folder is the same
// from one session to the next. The code is read and measured, never committed.
//
//   node scripts/export-real-code.mjs [--mirror /work/.mirror] [--out /tmp/realworld-wide]
//   RNNLINT_BENCH_REAL_CODE=/tmp/realworld-wide npm run bench
//
// Only source files are written (.ts/.tsx/.js/.jsx/.mjs/.cjs, no .d.ts, nothing under
// node_modules). `git archive` stops at the first blob the snapshot does not hold (large files
// stored with Git LFS); here such a file is skipped and counted. A repository whose snapshot is
// missing is reported and skipped: the others are still exported. Exit 0 when at least one was.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The folder the benchmarks were measured on since the thirteenth session (604 files). */
export const SOURCES = [
  { repo: 'tensorflow/tfjs', into: 'tfjs', include: /^tfjs-layers\/src\// },
  { repo: 'tensorflow/tfjs-examples', into: 'tfjs-examples', include: /^/ },
  { repo: 'magenta/magenta-js', into: 'magenta-js', include: /^(music|sketch|image)\/src\// },
  { repo: 'ml5js/ml5-library', into: 'ml5', include: /^src\// },
];

const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;

function git(gitDir, args, input) {
  const res = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { input, maxBuffer: 1024 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`git ${args[0]} failed in ${gitDir}: ${String(res.stderr).trim()}`);
  return res.stdout;
}

/** Writes the source files of one snapshot under `out/into`; returns the counts. */
export function exportSnapshot(gitDir, out, { into, include }) {
  const names = String(git(gitDir, ['ls-tree', '-r', '--name-only', 'HEAD'])).split('\n')
    .filter((f) => f && include.test(f) && SOURCE_FILE.test(f) && !f.endsWith('.d.ts') && !f.split('/').includes('node_modules'));
  // One `cat-file --batch` for every file: a missing blob answers "<name> missing" and the rest go on.
  const raw = git(gitDir, ['cat-file', '--batch'], names.map((f) => `HEAD:${f}\n`).join(''));
  let at = 0;
  let written = 0;
  let missing = 0;
  for (const name of names) {
    const eol = raw.indexOf(0x0a, at);
    const header = raw.subarray(at, eol).toString();
    at = eol + 1;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!m) {
      missing++;
      continue;
    }
    const size = Number(m[1]);
    const file = path.join(out, into, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, raw.subarray(at, at + size));
    at += size + 1;
    written++;
  }
  return { written, missing };
}

function main(argv) {
  let mirror = '/work/.mirror';
  let out = '/tmp/realworld-wide';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--mirror') mirror = path.resolve(argv[++i]);
    else if (argv[i] === '--out') out = path.resolve(argv[++i]);
    else {
      console.log('usage: node scripts/export-real-code.mjs [--mirror /work/.mirror] [--out /tmp/realworld-wide]');
      return argv[i] === '-h' || argv[i] === '--help' ? 0 : 2;
    }
  }
  let exported = 0;
  let total = 0;
  for (const source of SOURCES) {
    const gitDir = path.join(mirror, source.repo.replace('/', '+'), 'repo');
    if (!existsSync(gitDir)) {
      console.error(`${source.repo}: no snapshot at ${gitDir} (fetch github:${source.repo} first); skipped`);
      continue;
    }
    rmSync(path.join(out, source.into), { recursive: true, force: true });
    try {
      const { written, missing } = exportSnapshot(gitDir, out, source);
      console.log(`${source.repo}: ${written} files into ${path.join(out, source.into)}${missing ? ` (${missing} not in the snapshot, skipped)` : ''}`);
      exported++;
      total += written;
    } catch (e) {
      console.error(`${source.repo}: ${e.message}; skipped`);
    }
  }
  console.log(`${total} files from ${exported} of ${SOURCES.length} repositories in ${out}`);
  return exported > 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
