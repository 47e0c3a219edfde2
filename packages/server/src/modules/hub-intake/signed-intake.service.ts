import {
  AppError,
  type THubReceipt,
  type THubSignedRequest,
  unitIdOfPrefecture,
  ZHubSubmissionBody,
} from "@sonae/core";
import { type Db, hubOrgKeys, hubReports } from "@sonae/db";
import { ZReportPackageModel } from "@sonae/documents";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { RequestContext } from "../../http/request-context";
import { recordAudit } from "../audit/audit.service";
import { collectFromPackage } from "../hub-correlation/collect-indicators";
import type { HubKeyring } from "../hub-store/hub-keyring";
import { purgeOldNonces } from "./nonces.repo";
import { storeReport } from "./report-store";
import { fingerprintOf, verifySignedRequest } from "./signature";

/** Evidence manifests (from `sonae preserve`) ride along as JSON documents; kept encrypted with the report. */
const ZEvidenceManifests = z.array(z.record(z.string(), z.unknown())).max(20).optional();

/**
 * Burns the nonce and looks up the key in one statement (one round trip on the hot path); a key
 * seen for the first time is registered as pending (first submission enrols).
 */
async function claimNonceAndFindKey(
  tx: Db,
  ctx: RequestContext,
  raw: string,
  nonce: string,
  orgName: string,
  unitId: number,
) {
  const fingerprint = fingerprintOf(raw);
  const result = (await tx.execute(sql`
    WITH n AS (INSERT INTO hub_nonces (nonce) VALUES (${`sig:${fingerprint}:${nonce}`}) ON CONFLICT DO NOTHING RETURNING 1)
    SELECT (SELECT count(*) FROM n)::int AS fresh, k.id, k.status
    FROM (SELECT 1) AS one LEFT JOIN hub_org_keys k ON k.fingerprint = ${fingerprint}`)) as unknown as {
    rows: { fresh: number; id: string | null; status: "pending" | "active" | "revoked" | null }[];
  };
  const row = result.rows[0];
  if (!row || Number(row.fresh) !== 1) {
    throw new AppError("CONFLICT", {
      detail: {
        ja: "この要求は既に処理されています(再送)。",
        en: "This request was already processed (replay).",
      },
    });
  }
  if (row.id && row.status) return { id: row.id, status: row.status };
  const [created] = await tx
    .insert(hubOrgKeys)
    .values({ fingerprint, publicKey: raw, orgName, prefectureUnitId: unitId })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new AppError("CONFLICT");
  await recordAudit(tx, ctx, { type: "hub.org_key_registered", keyId: created.id, fingerprint }, null);
  return { id: created.id, status: created.status };
}

/**
 * An organisation's signed submission: signature and time window first (cheap, outside the
 * transaction), then in ONE transaction the nonce, the key, the report, its observations and the
 * audit event. The receipt is returned only after COMMIT, so an acknowledged report is never lost.
 * A retry with the same submissionId (answer lost in transit) gets the original receipt.
 */
export async function submitSigned(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  request: THubSignedRequest,
): Promise<{ receipt: THubReceipt; created: boolean }> {
  const raw = verifySignedRequest(request);
  const parsed = ZHubSubmissionBody.extend({ evidenceManifests: ZEvidenceManifests }).safeParse(raw);
  if (!parsed.success)
    throw new AppError("VALIDATION", { field: parsed.error.issues[0]?.path.join(".") ?? "body" });
  const body = parsed.data;
  const pkg = ZReportPackageModel.safeParse(body.payload);
  if (!pkg.success) {
    throw new AppError("VALIDATION", {
      field: `payload.${pkg.error.issues[0]?.path.join(".") ?? ""}`,
      detail: {
        ja: "報告パッケージがスキーマに適合しません。",
        en: `The report package does not match its schema: ${pkg.error.issues[0]?.message ?? ""}`,
      },
    });
  }
  const unitId = unitIdOfPrefecture(body.prefectureCode) ?? 0;
  await purgeOldNonces(db);
  return db.transaction(async (tx) => {
    const key = await claimNonceAndFindKey(tx, ctx, request.publicKey, body.nonce, body.orgName, unitId);
    if (key.status === "revoked") throw new AppError("FORBIDDEN");
    const stored = await storeReport(tx, ctx, ring, {
      source: "organisation",
      kind: pkg.data.incident.request === "consultation" ? "consultation" : "report",
      unitId,
      orgKeyId: key.id,
      submissionId: body.submissionId,
      sealed: {
        title: pkg.data.incident.title,
        reporterName: body.orgName,
        body: { package: pkg.data, evidenceManifests: body.evidenceManifests ?? [] },
        indicators: collectFromPackage(pkg.data),
      },
    });
    if (!stored) {
      // Retry of a submission already stored (its answer was lost): the original receipt, no duplicate.
      const [existing] = await tx
        .select()
        .from(hubReports)
        .where(and(eq(hubReports.orgKeyId, key.id), eq(hubReports.submissionId, body.submissionId)))
        .limit(1);
      if (!existing) throw new AppError("CONFLICT");
      return {
        created: false,
        receipt: {
          reference: existing.reference,
          receivedAt: existing.receivedAt.toISOString(),
          unitId: existing.unitId,
          keyStatus: key.status,
        },
      };
    }
    return {
      created: true,
      receipt: {
        reference: stored.reference,
        receivedAt: stored.receivedAt.toISOString(),
        unitId,
        keyStatus: key.status,
      },
    };
  });
}
