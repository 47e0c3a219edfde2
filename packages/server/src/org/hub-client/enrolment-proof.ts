import { createHash } from "node:crypto";
import { ENROLMENT_POW_BITS, enrolmentChallenge, leadingZeroBits } from "@sonae/core";

const solved = new Map<string, string>();

/** Difficulty the hub asks of a new key (same variable as the hub; the default when unset). */
export function enrolmentBits(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SONAE_HUB_ENROL_POW_BITS);
  return Number.isInteger(n) && n > 0 && n <= 30 ? n : ENROLMENT_POW_BITS;
}

function tries(publicKey: string, from: number, count: number, bits: number): string | null {
  const prefix = `${enrolmentChallenge(publicKey)}:`;
  for (let n = from; n < from + count; n++) {
    const candidate = n.toString(36);
    if (
      leadingZeroBits(
        createHash("sha256")
          .update(prefix + candidate)
          .digest(),
      ) >= bits
    )
      return candidate;
  }
  return null;
}

/**
 * The proof of work a hub asks for a key it has not seen (about 2^20 SHA-256, ~0.5 s). Solved in
 * slices that yield to the event loop, once per key and process; later calls return it at once.
 */
export async function solveEnrolmentProof(publicKey: string, bits = enrolmentBits()): Promise<string> {
  const known = solved.get(`${bits}:${publicKey}`);
  if (known) return known;
  for (let from = 0; ; from += 20_000) {
    const found = tries(publicKey, from, 20_000, bits);
    if (found !== null) {
      solved.set(`${bits}:${publicKey}`, found);
      return found;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The same, synchronously (scripts, tests, benchmarks signing many requests up front). */
export function solveEnrolmentProofSync(publicKey: string, bits = enrolmentBits()): string {
  const known = solved.get(`${bits}:${publicKey}`);
  if (known) return known;
  const found = tries(publicKey, 0, Number.MAX_SAFE_INTEGER, bits)!;
  solved.set(`${bits}:${publicKey}`, found);
  return found;
}
