// Profiling helper: runs lintText repeatedly on one generated size so `node --cpu-prof` shows
// where the engine spends its time beyond the parse.
//   node --cpu-prof --cpu-prof-dir=bench/profiles bench/profile-lint.mjs [lines] [runs]
//   node bench/profile-summary.mjs bench/profiles/<file>.cpuprofile
import { createRequire } from 'node:module';
import { generateFile } from './gen.mjs';

const require = createRequire(import.meta.url);
const api = require('../dist/api.js');
const lines = Number(process.argv[2] ?? 8000);
const runs = Number(process.argv[3] ?? 10);
let cells = 0;
for (let i = 0; i < runs; i++) cells += api.lintText(generateFile(lines, i + 1), 'bench.ts').stats.cells;
process.stderr.write(`linted ${runs} x ${lines} lines, ${cells} cells\n`);
