// The CLI's main bundle (dist/cli-main.js): everything `rnnlint` does. dist/cli.js is a small
// loader that loads this bundle with a V8 code cache (cli/code-cache.ts) and calls `start`.

import * as path from 'node:path';
import { runCli } from './main';
import { isLintWorker, runLintWorker } from './pool';
import { runProbeCommand } from '../probe/cli-probe';

export { runCli } from './main';
export { parseArgs } from './args';
export { discoverFiles } from './files';
export { readSource, encodeOutput, writeFixedFile } from './fix-writer';
export { lintFile } from './lint-file';
export { loadProjectConfig, loadConfigFile } from '../config';
export { rules } from '../../../rules/index';

async function main(argv: string[], loaderFile: string): Promise<number> {
  if (argv[0] === 'probe') {
    return runProbeCommand(argv.slice(1));
  }
  const dist = path.dirname(loaderFile);
  return runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    workerScript: loaderFile,
    docsDir: path.join(dist, 'rules'),
  });
}

/**
 * Runs as a lint worker thread when started as one; otherwise, when `asCommand`, as the `rnnlint`
 * command with process.argv. `loaderFile` is dist/cli.js (the script workers start).
 */
export function start(loaderFile: string, asCommand: boolean): void {
  if (isLintWorker()) {
    runLintWorker();
    return;
  }
  if (!asCommand) return;
  // `rnnlint | head`: a closed pipe is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), loaderFile).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`rnnlint: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
