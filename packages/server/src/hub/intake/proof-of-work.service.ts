import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError, leadingZeroBits, type THubPowChallenge } from "@sonae/core";
import type { Db } from "@sonae/db";
import { claimNonce } from "./nonces.repo";

const CHALLENGE_TTL_MS = 10 * 60_000;

/** Difficulty in leading zero bits: 2^18 ≈ 260k hashes, about a second in a phone browser. */
export function powBits(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SONAE_HUB_POW_BITS ?? 18);
  return Number.isInteger(n) && n >= 1 && n <= 30 ? n : 18;
}

function mac(powKey: Buffer, text: string): string {
  return createHmac("sha256", powKey).update(text).digest("hex").slice(0, 32);
}

/** A stateless challenge: bits.expiry.random.mac — nothing stored until it is used. */
export function issueChallenge(powKey: Buffer, bits: number, now = Date.now()): THubPowChallenge {
  const expires = now + CHALLENGE_TTL_MS;
  const head = `${bits}.${expires}.${randomBytes(12).toString("hex")}`;
  return { challenge: `${head}.${mac(powKey, head)}`, bits, expiresAt: new Date(expires).toISOString() };
}

function refused(): AppError {
  return new AppError("VALIDATION", {
    field: "pow",
    detail: {
      ja: "確認処理(計算)が無効か期限切れです。ページを再読み込みしてください。",
      en: "The proof-of-work is invalid or expired. Please reload the page.",
    },
  });
}

/** Checks MAC, expiry, difficulty and the hash, then burns the challenge inside the caller's transaction. */
export async function verifyAndClaimPow(
  tx: Pick<Db, "insert">,
  powKey: Buffer,
  minBits: number,
  pow: { challenge: string; solution: string },
  now = Date.now(),
): Promise<void> {
  const parts = pow.challenge.split(".");
  if (parts.length !== 4) throw refused();
  const [bitsText, expiresText, random, tag] = parts as [string, string, string, string];
  const expected = Buffer.from(mac(powKey, `${bitsText}.${expiresText}.${random}`));
  if (expected.length !== Buffer.byteLength(tag) || !timingSafeEqual(expected, Buffer.from(tag)))
    throw refused();
  const bits = Number(bitsText);
  if (!(bits >= minBits) || Number(expiresText) < now) throw refused();
  const digest = createHash("sha256").update(`${pow.challenge}:${pow.solution}`).digest();
  if (leadingZeroBits(digest) < bits) throw refused();
  await claimNonce(tx, `pow:${random}`);
}
