import { sha256 } from "../indicators/sha256";

/**
 * Proof of work for the public form (bot friction without a third-party CAPTCHA service): find a
 * solution s such that SHA-256(challenge ":" s) starts with `bits` zero bits. Expected cost 2^bits
 * hashes for the client, one hash for the server.
 */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const encoder = new TextEncoder();

/** True when `solution` meets the difficulty for `challenge`. */
export function checkPowSolution(challenge: string, solution: string, bits: number): boolean {
  return leadingZeroBits(sha256(encoder.encode(`${challenge}:${solution}`))) >= bits;
}

/**
 * Solves a challenge (browser and tests). Yields to the caller every `chunk` attempts through the
 * optional callback so a page stays responsive.
 */
export async function solvePow(
  challenge: string,
  bits: number,
  options: { chunk?: number; onProgress?: (tried: number) => void } = {},
): Promise<string> {
  const chunk = options.chunk ?? 20_000;
  for (let n = 0; ; n++) {
    if (checkPowSolution(challenge, n.toString(36), bits)) return n.toString(36);
    if (n % chunk === chunk - 1) {
      options.onProgress?.(n + 1);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}

/**
 * Enrolment proof: the first submission of a key the hub does not know must carry a solution for
 * the challenge derived from the key itself (no round trip; computed once per key and kept). A
 * flood of fresh keys then costs 2^bits hashes each.
 */
export function enrolmentChallenge(publicKey: string): string {
  return `sonae-enrol:${publicKey}`;
}

/** Default difficulty of the enrolment proof (2^20 ≈ 1M SHA-256, about half a second in Node). */
export const ENROLMENT_POW_BITS = 20;
