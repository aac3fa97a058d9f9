// Runs a benchmark module on its own: `node bench/<module>.mjs [--quick]` prints the module's
// result as JSON on stdout (progress goes to stderr). bench/run.mjs starts each module this way,
// in its own process, so one measurement's heap and JIT state never colours the next.
import { pathToFileURL } from 'node:url';

export async function runIfMain(metaUrl, run) {
  if (!process.argv[1] || metaUrl !== pathToFileURL(process.argv[1]).href) return;
  const quick = process.argv.includes('--quick');
  try {
    const result = await run({ quick });
    process.stdout.write(JSON.stringify(result) + '\n');
  } catch (e) {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 1;
  }
}
