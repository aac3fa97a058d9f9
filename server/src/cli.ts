// The `rnnlint` command (dist/cli.js, with a shebang; package.json bin.rnnlint).
//   rnnlint [options] [paths...]   lint (see cli/main.ts and docs/cli.md)
//   rnnlint probe ...              run a cell and print its hidden-state trace (probe/cli-probe.ts)
// A small loader: the command itself is dist/cli-main.js (cli/entry.ts), loaded with a V8 code
// cache so that start-up does not pay for compiling the TypeScript compiler every time. The same
// file is the script of the lint worker threads (cli/pool.ts), and, when required rather than run,
// exports the pieces the tests drive directly (the atomic fix writer with its test hook, config).

import * as path from 'node:path';
import { loadWithCodeCache } from './cli/code-cache';

const impl = loadWithCodeCache(path.join(__dirname, 'cli-main.js'), module) as typeof import('./cli/entry');
module.exports = impl;
impl.start(__filename, require.main === module);
