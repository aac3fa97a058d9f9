// `npm run demo`: lint the bundled example cells, then probe each of them, printing what a user
// would see. The examples hold deliberate bugs, so findings (exit 1) are expected and the demo still
// exits 0; it fails only when a command could not run at all (exit 2 or a crash).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const examples = path.join(root, 'examples');

function run(args, title) {
  process.stdout.write(`\n━━━ ${title}\n$ rnnlint ${args.map((a) => path.relative(root, a) || a).join(' ')}\n`);
  const res = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
  process.stdout.write(res.stdout);
  process.stderr.write(res.stderr);
  const meaning = res.status === 0 ? 'no problems' : res.status === 1 ? 'problems found (expected for the buggy examples)' : 'could not run';
  process.stdout.write(`(exit ${res.status}: ${meaning})\n`);
  return res.status;
}

const failures = [];
if (run([path.relative(root, examples)], 'Lint the examples') > 1) failures.push('lint');
const files = fs.readdirSync(examples).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
for (const f of files) {
  const code = run(['probe', path.join('examples', f)], `Probe ${f}`);
  if (code !== 0 && code !== 1) failures.push(`probe ${f}`);
}
process.stdout.write(`\nDemo done: linted ${files.length} example files and probed each.${failures.length ? ` Failed to run: ${failures.join(', ')}.` : ''}\n`);
process.exitCode = failures.length ? 1 : 0;
