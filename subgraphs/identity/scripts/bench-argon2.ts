/**
 * Measures argon2id hashing and verification with identity's parameters (m = 19 MiB, t = 2, p = 1).
 * Run: npm exec -- node subgraphs/identity/scripts/bench-argon2.ts [rounds]
 */
import { performance } from 'node:perf_hooks';
import { hash, verify } from '@node-rs/argon2';
import { ARGON2_OPTIONS } from '../src/infra/argon2-hasher.ts';

const rounds = Number(process.argv[2] ?? 20);
const password = 'violet-tractor-harbour-91';
await hash(password, ARGON2_OPTIONS); // warm-up
const hashTimes: number[] = [];
const verifyTimes: number[] = [];
let stored = '';
for (let i = 0; i < rounds; i++) {
  let start = performance.now();
  stored = await hash(password, ARGON2_OPTIONS);
  hashTimes.push(performance.now() - start);
  start = performance.now();
  await verify(stored, password);
  verifyTimes.push(performance.now() - start);
}
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: +sorted[Math.floor(sorted.length / 2)]!.toFixed(1), minMs: +sorted[0]!.toFixed(1), maxMs: +sorted.at(-1)!.toFixed(1) };
};
console.log(JSON.stringify({ params: stored.split('$')[3], rounds, hash: stats(hashTimes), verify: stats(verifyTimes) }));
