// Worker thread for bench/floor.mjs: lints one generated file (or, with mode 'floor', parses and
// walks it) and posts its time, so a run that takes too long (a superlinear engine on 80,000
// lines) can be stopped with worker.terminate() instead of holding the whole bench hostage.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { generateFile } from '../gen.mjs';
import { warmUp } from './stats.mjs';

const require = createRequire(import.meta.url);
const api = require('../../dist/api.js');
const { lines, variant, warmMs, mode } = workerData;
const { floor } = await import('../floor.mjs');
const run = mode === 'floor' ? (text) => { floor(text, 'bench.ts'); return { stats: {}, messages: [] }; } : (text) => api.lintText(text, 'bench.ts');
// Steady state first, on smaller variants (see warmUp): the timed run should not bill the JIT.
if (warmMs) warmUp([{ fn: run }], (i) => generateFile(Math.min(lines, 800), 424242 + i), warmMs, 1);
const text = generateFile(lines, variant);
parentPort.postMessage({ ready: true });
const t0 = performance.now();
const r = run(text);
parentPort.postMessage({ wall: performance.now() - t0, stats: r.stats, messages: r.messages.length });
