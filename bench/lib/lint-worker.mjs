// Worker thread for bench/floor.mjs: lints one generated file (or, with mode 'floor', parses and
// walks it) and posts its time, so a run that takes too long (a superlinear engine on 80,000
// lines) can be stopped with worker.terminate() instead of holding the whole bench hostage.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { generateFile } from '../gen.mjs';

const require = createRequire(import.meta.url);
const api = require('../../dist/api.js');
const { lines, variant, warm, mode } = workerData;
const { floor } = await import('../floor.mjs');
const run = mode === 'floor' ? (text) => { floor(text, 'bench.ts'); return { stats: {}, messages: [] }; } : (text) => api.lintText(text, 'bench.ts');
if (warm) run(generateFile(Math.min(lines, 800), 424242));
const text = generateFile(lines, variant);
parentPort.postMessage({ ready: true });
const t0 = performance.now();
const r = run(text);
parentPort.postMessage({ wall: performance.now() - t0, stats: r.stats, messages: r.messages.length });
