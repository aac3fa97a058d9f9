// The `rnnlint` command (bundled to dist/cli.js with a shebang; package.json bin.rnnlint).
//   rnnlint [options] [paths...]   lint (see cli/main.ts and docs/cli.md)
//   rnnlint probe ...              run a cell and print its hidden-state trace (probe/cli-probe.ts)
// The same bundle is the script of the lint worker threads (cli/pool.ts). It also exports the
// pieces the tests drive directly (the atomic fix writer with its test hook).

import * as path from 'node:path';
import { runCli } from './cli/main';
import { isLintWorker, runLintWorker } from './cli/pool';
import { runProbeCommand } from './probe/cli-probe';

export { runCli } from './cli/main';
export { parseArgs } from './cli/args';
export { discoverFiles } from './cli/files';
export { readSource, encodeOutput, writeFixedFile } from './cli/fix-writer';
export { lintFile } from './cli/lint-file';
export { loadProjectConfig, loadConfigFile } from './config';
export { rules } from '../../rules/index';

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'probe') {
    return runProbeCommand(argv.slice(1));
  }
  return runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    workerScript: __filename,
    docsDir: path.join(__dirname, 'rules'),
  });
}

if (isLintWorker()) {
  runLintWorker();
} else if (require.main === module) {
  // `rnnlint | head`: a closed pipe is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`rnnlint: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
