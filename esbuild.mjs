// Bundles every entry point into dist/. tsc only type-checks (`npm run typecheck`); esbuild emits.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, cpSync } from 'node:fs';

const watch = process.argv.includes('--watch');
// `--production` (npm run package): minified bundles for the VSIX (about 40% of the size).
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  minify: production,
  // tfjs-node is the workspace's own optional native backend: never bundled, resolved at run time.
  external: ['vscode', '@tensorflow/tfjs-node'],
};

const entries = [
  { in: 'client/src/extension.ts', out: 'client' },
  // The language server's body; dist/server.js is a small loader that loads it with a V8 code cache.
  { in: 'server/src/lsp/loader.ts', out: 'server' },
  { in: 'server/src/server.ts', out: 'server-main' },
  { in: 'server/src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  // The CLI's body; dist/cli.js is a small loader that loads it with a V8 code cache.
  { in: 'server/src/cli/entry.ts', out: 'cli-main' },
  { in: 'server/src/api.ts', out: 'api' },
  { in: 'server/src/probe/runner.ts', out: 'probe-runner' },
];

mkdirSync('dist', { recursive: true });
const contexts = [];
for (const e of entries) {
  if (!existsSync(e.in)) {
    console.error(`esbuild.mjs: missing entry ${e.in}`);
    process.exitCode = 1;
    continue;
  }
  const options = {
    ...common,
    entryPoints: [e.in],
    outfile: `dist/${e.out}.js`,
    banner: e.banner ? { js: e.banner } : undefined,
  };
  if (watch) contexts.push(await esbuild.context(options));
  else await esbuild.build(options);
}
// Rule docs ship beside the bundle so the server can link to and open them offline.
cpSync('rules', 'dist/rules', { recursive: true, filter: (f) => !f.endsWith('.ts') });
// The probe runner's WASM backend loads its .wasm files from dist/ at run time (Node has no threads
// build, so only the plain and SIMD binaries ship).
for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'])
  cpSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${f}`, `dist/${f}`);
if (watch) await Promise.all(contexts.map((c) => c.watch()));
