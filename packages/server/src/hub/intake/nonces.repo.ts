import { AppError } from "@sonae/core";
import { type Db, hubNonces } from "@sonae/db";
import { lt } from "drizzle-orm";
import { SIGNATURE_WINDOW_MS } from "./signature";

/**
 * Records a nonce; a second use is a replay and is refused. Runs inside the submission's
 * transaction, so a rolled-back submission does not burn its nonce.
 */
export async function claimNonce(tx: Pick<Db, "insert">, nonce: string): Promise<void> {
  const rows = await tx
    .insert(hubNonces)
    .values({ nonce })
    .onConflictDoNothing()
    .returning({ nonce: hubNonces.nonce });
  if (rows.length === 0) {
    throw new AppError("CONFLICT", {
      detail: {
        ja: "この要求は既に処理されています(再送)。",
        en: "This request was already processed (replay).",
      },
    });
  }
}

let lastPurge = 0;

/** Drops nonces past three windows (they can no longer pass the timestamp check); at most once a minute. */
export async function purgeOldNonces(db: Pick<Db, "delete">, now = Date.now()): Promise<void> {
  if (now - lastPurge < 60_000) return;
  lastPurge = now;
  await db.delete(hubNonces).where(lt(hubNonces.seenAt, new Date(now - 3 * SIGNATURE_WINDOW_MS)));
}
