import { AppError, type THubPublicSubmission, type THubReceipt, unitIdOfPrefecture } from "@sonae/core";
import type { Db } from "@sonae/db";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { collectFromText } from "../correlation/collect-indicators";
import { fillProposalsLater } from "../phishing/proposal-filler";
import { prepareUrls, recordSightings } from "../phishing/url-store.service";
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
  // Fraud URLs are normalised before anything is written: a URL that cannot be read fails the form
  // with the field named, so the reporter can correct it (nothing is half-stored).
  const { prepared, failures } = prepareUrls(
    (input.fraud?.urls ?? []).map((raw, i) => ({
      line: i,
      raw,
      sighting: {
        source: "public" as const,
        unitId,
        sourceRef: input.fraud?.kind,
        brandHint: input.fraud?.brand,
      },
    })),
  );
  const failed = failures[0];
  if (failed?.error)
    throw new AppError("VALIDATION", { field: `fraud.urls.${failed.line}`, detail: failed.error.message });
  await purgeOldNonces(db);
  let createdCanonicals: string[] = [];
  const receipt = await db.transaction(async (tx) => {
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
    if (prepared.length) {
      for (const p of prepared) p.sighting.reportId = stored.id;
      const written = await recordSightings(tx, prepared);
      createdCanonicals = written.createdCanonicals;
      await recordAudit(tx, ctx, {
        type: "hub.urls_received",
        source: "public",
        partnerId: null,
        reportId: stored.id,
        accepted: prepared.length,
        created: written.created.size,
        rejected: 0,
      });
    }
    return {
      reference: stored.reference,
      receivedAt: stored.receivedAt.toISOString(),
      unitId,
      receiptToken: stored.receiptToken,
    };
  });
  fillProposalsLater(db, createdCanonicals);
  return receipt;
}
