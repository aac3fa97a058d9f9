// Bounded, seeded fuzz run: real library sources and mutated fixtures never make the engine throw.
// The long run is `npm run fuzz` (FUZZ_SEED / FUZZ_MUTATIONS to reproduce or extend).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzz } from '../scripts/fuzz.mjs';

// Minified bundles (> 200 KB) are left to the long run: they cost seconds each and add no new shapes.
test('engine survives 300 real library files and 1,000 seeded mutations of the fixtures', () => {
  const { failures, timings } = fuzz({ realLimit: 300, maxBytes: 200_000, mutations: 1000, seed: 20261124 });
  const slowest = timings[0];
  assert.deepEqual(failures.map((f) => `${f.label}: ${f.error}`), []);
  assert.ok(timings.length > 0 && slowest.msPerKLines >= 0);
});
