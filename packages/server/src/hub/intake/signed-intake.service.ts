import { AppError, type THubSignedRequest, unitIdOfPrefecture, ZHubSubmissionBody } from "@sonae/core";
import type { Db } from "@sonae/db";
import { ZReportPackageModel } from "@sonae/documents";
import { z } from "zod";
import type { RequestContext } from "../../platform/http/request-context";
import { collectFromPackage } from "../correlation/collect-indicators";
import type { HubKeyring } from "../store/hub-keyring";
import { IntakeBatcher } from "./intake-batcher";
import { prepareReport } from "./report-store";
import { fingerprintOf, verifySignedRequest } from "./signature";
import { type PreparedSigned, type SignedOutcome, writeSignedBatch } from "./signed-batch-writer";

/** Evidence manifests (from `sonae preserve`) ride along as JSON documents; kept encrypted with the report. */
const ZEvidenceManifests = z.array(z.record(z.string(), z.unknown())).max(20).optional();
const ZSignedSubmission = ZHubSubmissionBody.extend({ evidenceManifests: ZEvidenceManifests });

function positiveInt(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Batch and queue bounds. 128 per transaction keeps every multi-row statement far below the
 * 65,535-parameter limit; 1,024 waiting is about one second of intake at the aimed rate, past which
 * a client is better told 503 + Retry-After than left waiting towards its timeout.
 */
const BATCH_OPTIONS = {
  maxBatch: positiveInt(process.env.SONAE_HUB_INTAKE_BATCH, 128),
  maxQueue: positiveInt(process.env.SONAE_HUB_INTAKE_QUEUE, 1024),
};

const batchers = new WeakMap<Db, IntakeBatcher<PreparedSigned, SignedOutcome>>();

/** The one group-commit queue of a database handle (one flusher: PGlite's single connection is fine). */
export function signedIntakeBatcher(db: Db): IntakeBatcher<PreparedSigned, SignedOutcome> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new IntakeBatcher((items) => writeSignedBatch(db, items), BATCH_OPTIONS);
    batchers.set(db, batcher);
  }
  return batcher;
}

/**
 * The CPU part of a signed submission, per request and outside the database: Ed25519 and the time
 * window, the body and package schemas, indicator collection and hashing, sealing, the reference.
 */
export function prepareSigned(
  ctx: RequestContext,
  ring: HubKeyring,
  request: THubSignedRequest,
): PreparedSigned {
  const raw = verifySignedRequest(request);
  const parsed = ZSignedSubmission.safeParse(raw);
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
  const fingerprint = fingerprintOf(request.publicKey);
  return {
    ctx,
    fingerprint,
    publicKey: request.publicKey,
    nonceKey: `sig:${fingerprint}:${body.nonce}`,
    orgName: body.orgName,
    unitId,
    submissionId: body.submissionId,
    report: prepareReport(ctx, ring, {
      source: "organisation",
      kind: pkg.data.incident.request === "consultation" ? "consultation" : "report",
      unitId,
      orgKeyId: null,
      submissionId: body.submissionId,
      sealed: {
        title: pkg.data.incident.title,
        reporterName: body.orgName,
        body: { package: pkg.data, evidenceManifests: body.evidenceManifests ?? [] },
        indicators: collectFromPackage(pkg.data),
      },
    }),
  };
}

/**
 * An organisation's signed submission. The CPU work is done here, per request; the database work
 * (nonce, key, report, observations, audit, alerts) is group-committed with the other submissions
 * waiting at the same moment (intake-batcher.ts, signed-batch-writer.ts). The receipt is returned
 * only after that transaction commits, so an acknowledged report is never lost. A retry with the
 * same submissionId (answer lost in transit) gets the original receipt. A full queue → 503.
 */
export async function submitSigned(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  request: THubSignedRequest,
): Promise<SignedOutcome> {
  return signedIntakeBatcher(db).submit(prepareSigned(ctx, ring, request));
}
