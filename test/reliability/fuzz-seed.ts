/**
 * The seed of a fuzzing run: `CARDINAL_FUZZ_SEED` when set (to replay a failure), else a fresh one.
 * Either way it is printed, and fast-check repeats it (with the path to the shrunk case) in any failure.
 */
export function fuzzSeed(): number {
  const fromEnvironment = process.env.CARDINAL_FUZZ_SEED;
  const seed = fromEnvironment === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(fromEnvironment);
  if (!Number.isInteger(seed)) throw new Error(`CARDINAL_FUZZ_SEED must be an integer, not "${fromEnvironment}"`);
  console.log(`fuzz seed ${seed} (replay with CARDINAL_FUZZ_SEED=${seed})`);
  return seed;
}
