#!/usr/bin/env node
// Runs the linter over real public code (read and measured, never committed) and prints every
// diagnostic with its file:line and source line, so a human can judge each one: a real bug, or a
// false positive.
//
//   node scripts/real-world.mjs [folder=/tmp/realworld] [--cli dist/cli.js] [--context N] [--json]
//
// Get the code first (outside the repo): `node scripts/export-real-code.mjs` writes the folder the
// benchmarks and docs/precision.md use (/tmp/realworld-wide, 604 files) from the bare snapshots of
// four public repositories (tfjs's layers, tfjs-examples, magenta-js, ml5).
//
// Prints per-rule counts, then the diagnostics grouped by file, then messages without a rule id
// (parse problems, internal errors). Exit 0 unless the CLI could not be run (2).

import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from '../bench/lib/real-code.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function countSources(dir) {
  const files = sourceFiles(dir);
  return { files: files.length, lines: files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0) };
}

function main(argv) {
  let folder = '/tmp/realworld';
  let cli = path.join(ROOT, 'dist/cli.js');
  let context = 0;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cli') cli = path.resolve(argv[++i]);
    else if (a === '--context') context = Number(argv[++i]) || 0;
    else if (a === '--json') json = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/real-world.mjs [folder=/tmp/realworld] [--cli dist/cli.js] [--context N] [--json]');
      return 0;
    } else folder = path.resolve(a);
  }
  if (!existsSync(folder)) {
    console.error(`real-world: ${folder} does not exist (export the public code there first; see the header of this script)`);
    return 2;
  }
  if (!existsSync(cli)) {
    console.error(`real-world: ${cli} not found: run \`npm run build\` first`);
    return 2;
  }
  const started = process.hrtime.bigint();
  const res = spawnSync(process.execPath, [cli, '--format', 'json', folder], {
    cwd: folder,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let results;
  try {
    results = JSON.parse(res.stdout);
  } catch {
    console.error(`real-world: the CLI did not print JSON (exit ${res.status})\n${res.stderr.slice(0, 4000)}`);
    return 2;
  }
  const diags = [];
  const noRule = [];
  for (const r of results) {
    const file = path.resolve(folder, r.filePath);
    let srcLines = null;
    for (const m of r.messages ?? []) {
      srcLines ??= existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : [];
      const entry = {
        file: path.relative(folder, file),
        line: m.line,
        column: m.column,
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        source: srcLines[m.line - 1] ?? '',
        context: context
          ? srcLines.slice(Math.max(0, m.line - 1 - context), m.line + context).map((s, k) => ({
              line: Math.max(1, m.line - context) + k,
              text: s,
            }))
          : undefined,
      };
      (m.ruleId ? diags : noRule).push(entry);
    }
  }
  if (json) {
    console.log(JSON.stringify({ folder, diagnostics: diags, withoutRule: noRule }, null, 2));
    return 0;
  }
  const size = countSources(folder);
  console.log(`${folder}: ${size.files} source files, ${size.lines} lines; CLI exit ${res.status}, ${ms.toFixed(0)} ms`);
  const perRule = new Map();
  for (const d of diags) perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
  console.log('');
  console.log('diagnostics per rule:');
  if (perRule.size === 0) console.log('  (none)');
  for (const [id, n] of [...perRule].sort()) console.log(`  ${id.padEnd(22)} ${n}`);
  const byFile = new Map();
  for (const d of diags) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const [file, list] of [...byFile].sort()) {
    console.log('');
    console.log(file);
    for (const d of list.sort((a, b) => a.line - b.line || a.column - b.column)) {
      console.log(`  ${file}:${d.line}:${d.column}  ${d.ruleId} (${d.severity === 2 ? 'error' : 'warning'})  ${d.message}`);
      if (d.context) {
        for (const c of d.context) console.log(`    ${c.line === d.line ? '>' : ' '} ${String(c.line).padStart(5)} | ${c.text}`);
      } else {
        console.log(`      | ${d.source.trim()}`);
      }
    }
  }
  if (noRule.length) {
    console.log('');
    console.log(`messages without a rule id (${noRule.length}):`);
    for (const d of noRule) console.log(`  ${d.file}:${d.line}:${d.column}  ${d.message.split('\n')[0]}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
