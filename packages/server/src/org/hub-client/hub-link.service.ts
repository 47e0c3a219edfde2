import { AppError, type THubReporterView } from "@sonae/core";
import { type Db, hubOutbox } from "@sonae/db";
import type { TReportPackageInput } from "@sonae/documents";
import { and, desc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { fetchHubCaseStatus, HubClientError, replyToHubCase, submitReportToHub } from "./hub-client";
import { loadOrCreateOrgHubKey } from "./org-key-store";

/** HTTPS only, except loopback for trying a hub on the same machine. */
export function assertHubUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("VALIDATION", { field: "hubUrl" });
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && loopback)) {
    throw new AppError("VALIDATION", {
      field: "hubUrl",
      detail: { ja: "ハブのURLは https:// である必要があります。", en: "The hub URL must use https://." },
    });
  }
  return parsed.origin;
}

function hubFailure(error: unknown): never {
  if (error instanceof AppError) throw error;
  const status = error instanceof HubClientError ? error.status : 0;
  throw new AppError(status === 404 ? "NOT_FOUND" : "INTERNAL", {
    cause: error,
    detail: {
      ja: `ハブとの通信に失敗しました (${status || "接続不可"})。`,
      en: `The hub could not be reached or refused the request (${status || "no connection"}).`,
    },
  });
}

/** Sends a report package to the hub, then records the receipt in the outbox (only after the hub acknowledged). */
export async function sendToHub(
  db: Db,
  ctx: RequestContext & { actor: NonNullable<RequestContext["actor"]> },
  dataDir: string,
  input: { hubUrl: string; prefectureCode: string; payload: TReportPackageInput; incidentId?: string },
) {
  const hubUrl = assertHubUrl(input.hubUrl);
  const key = loadOrCreateOrgHubKey(dataDir);
  const receipt = await submitReportToHub({
    hubUrl,
    payload: input.payload,
    privateKey: key.privateKeyPem,
    orgName: ctx.actor.organisationName || "(organisation)",
    prefectureCode: input.prefectureCode,
  }).catch(hubFailure);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(hubOutbox)
      .values({
        organisationId: ctx.actor.organisationId,
        hubUrl,
        reference: receipt.reference,
        submissionId: receipt.submissionId,
        incidentId: input.incidentId ?? null,
        title: String(input.payload.incident?.title ?? "").slice(0, 300),
        submittedBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      type: "hub.report_sent",
      reference: receipt.reference,
      hubUrl,
      incidentId: input.incidentId ?? null,
    });
    return { ...row!, keyStatus: receipt.keyStatus ?? null };
  });
}

export async function listOutbox(db: Db, organisationId: string) {
  return db
    .select()
    .from(hubOutbox)
    .where(eq(hubOutbox.organisationId, organisationId))
    .orderBy(desc(hubOutbox.createdAt))
    .limit(200);
}

async function outboxRow(db: Db, organisationId: string, reference: string) {
  const [row] = await db
    .select()
    .from(hubOutbox)
    .where(and(eq(hubOutbox.organisationId, organisationId), eq(hubOutbox.reference, reference)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Status and police messages of one of this organisation's submissions (asks the hub, signed). */
export async function getHubStatus(
  db: Db,
  organisationId: string,
  dataDir: string,
  reference: string,
): Promise<THubReporterView> {
  const row = await outboxRow(db, organisationId, reference);
  const key = loadOrCreateOrgHubKey(dataDir);
  return fetchHubCaseStatus({ hubUrl: row.hubUrl, reference, privateKey: key.privateKeyPem }).catch(
    hubFailure,
  );
}

export async function replyOnHub(
  db: Db,
  ctx: RequestContext & { actor: NonNullable<RequestContext["actor"]> },
  dataDir: string,
  reference: string,
  message: string,
) {
  const row = await outboxRow(db, ctx.actor.organisationId, reference);
  const key = loadOrCreateOrgHubKey(dataDir);
  const view = await replyToHubCase({
    hubUrl: row.hubUrl,
    reference,
    message,
    privateKey: key.privateKeyPem,
  }).catch(hubFailure);
  await recordAudit(db, ctx, { type: "hub.reply_sent", reference });
  return view;
}
