// Real public code for the floor comparison, when a folder of it is given (it is read and measured,
// never committed: see scripts/real-world.mjs for how to get it). The generated files of
// bench/gen.mjs put a step and its loop every 25 lines or so, a stress test; real recurrent code
// spends most of its lines on data handling, training loops and UI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Every source file under `dir`, sorted (no node_modules, dist, dot folders or .d.ts). */
export function sourceFiles(dir) {
  const files = [];
  const walk = (p) => {
    for (const name of readdirSync(p).sort()) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      const f = path.join(p, name);
      if (statSync(f).isDirectory()) walk(f);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) files.push(f);
    }
  };
  walk(dir);
  return files;
}

/** Every source file under `dir` (as sourceFiles), with its text. */
export function readRealCode(dir) {
  return sourceFiles(dir).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}
