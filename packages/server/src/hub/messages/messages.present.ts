import type { THubMessage } from "@sonae/core";
import type { hubMessages } from "@sonae/db";
import { openJson } from "../store/envelope";

/** Decrypts message bodies with the report's data key. */
export function presentMessages(dek: Buffer, rows: (typeof hubMessages.$inferSelect)[]): THubMessage[] {
  return rows.map((m) => ({
    id: m.id,
    direction: m.direction,
    kind: m.kind,
    body: openJson<{ body: string }>(dek, m.bodyEnc, `message:${m.id}`).body,
    createdAt: m.createdAt.toISOString(),
  }));
}
