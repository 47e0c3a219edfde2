import { z } from "zod";

/**
 * Audit events of the hub's card-number area (issue 19). They carry ids, counts, brands and keyed
 * hashes only: never a card number, not even masked beyond first six / last four.
 */
export const HUB_CARD_EVENTS = [
  z.object({
    type: z.literal("hub.cards_imported"),
    importId: z.string(),
    unitId: z.int(),
    kind: z.string(),
    accepted: z.int(),
    duplicates: z.int(),
    refused: z.int(),
  }),
  z.object({
    type: z.literal("hub.cards_viewed"),
    unitId: z.int().nullable(),
    entryIds: z.array(z.string()),
  }),
  z.object({ type: z.literal("hub.card_viewed"), entryId: z.string(), unitId: z.int() }),
  z.object({ type: z.literal("hub.card_dashboard_viewed"), unitId: z.int().nullable() }),
  z.object({
    type: z.literal("hub.card_batch_built"),
    batchId: z.string(),
    brand: z.string(),
    count: z.int(),
    fileSha256: z.string(),
    recipientFingerprint: z.string(),
    reissueOf: z.string().nullable(),
  }),
  z.object({ type: z.literal("hub.card_batches_viewed"), batchIds: z.array(z.string()) }),
  z.object({ type: z.literal("hub.card_batch_downloaded"), batchId: z.string(), brand: z.string() }),
  z.object({
    type: z.literal("hub.card_batch_sent"),
    batchId: z.string(),
    brand: z.string(),
    count: z.int(),
    /**
     * SHA-256 over the sorted HMAC-SHA-256 of every number carried (the hashes themselves are in
     * hub_card_batch_items): which numbers left, without the numbers and without a 30 MB audit row.
     */
    itemsSha256: z.string(),
  }),
  z.object({
    type: z.literal("hub.card_recipient_set"),
    recipientId: z.string(),
    brand: z.string(),
    fingerprint: z.string(),
  }),
  z.object({ type: z.literal("hub.card_recipients_viewed"), count: z.int() }),
];
