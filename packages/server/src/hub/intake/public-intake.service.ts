import { AppError, type THubPublicSubmission, type THubReceipt, unitIdOfPrefecture } from "@sonae/core";
import type { Db } from "@sonae/db";
import type { RequestContext } from "../../platform/http/request-context";
import { collectFromText } from "../correlation/collect-indicators";
import type { HubKeyring } from "../store/hub-keyring";
import { purgeOldNonces } from "./nonces.repo";
import { verifyAndClaimPow } from "./proof-of-work.service";
import { storeReport } from "./report-store";

/**
 * A report, consultation or information from the public web form. The proof of work is burned in
 * the same transaction as the report is written; the receipt (reference + secret token for the
 * status link) exists only after COMMIT.
 */
export async function submitPublic(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  minBits: number,
  input: THubPublicSubmission,
): Promise<THubReceipt> {
  const unitId = unitIdOfPrefecture(input.prefectureCode);
  if (unitId === undefined) throw new AppError("VALIDATION", { field: "prefectureCode" });
  await purgeOldNonces(db);
  return db.transaction(async (tx) => {
    await verifyAndClaimPow(tx, ring.powKey, minBits, input.pow);
    const { pow: _pow, ...form } = input;
    const stored = await storeReport(tx, ctx, ring, {
      source: "public",
      kind: input.kind,
      unitId,
      orgKeyId: null,
      submissionId: null,
      sealed: {
        title: input.title,
        reporterName: input.name?.trim() || "(匿名 / anonymous)",
        body: { form },
        indicators: collectFromText([input.title, input.description]),
      },
    });
    if (!stored) throw new AppError("INTERNAL");
    return {
      reference: stored.reference,
      receivedAt: stored.receivedAt.toISOString(),
      unitId,
      receiptToken: stored.receiptToken,
    };
  });
}
