// dist/server.js: a small loader for the language server itself (dist/server-main.js, built from
// server/src/server.ts; ~10 MB with the TypeScript compiler). It loads that bundle with a V8 code
// cache (the CLI's cli/code-cache.ts), so a server start - every VS Code window, every restart, the
// background worker thread - does not pay for compiling the TypeScript compiler again.
// RNNLINT_NO_COMPILE_CACHE=1 loads it plainly.
import * as path from 'node:path';
import { loadWithCodeCache } from '../cli/code-cache';

loadWithCodeCache(path.join(__dirname, 'server-main.js'), module);
