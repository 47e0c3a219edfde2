import { randomUUID, timingSafeEqual } from "node:crypto";
import {
  AppError,
  type THubPostMessageRequest,
  type THubReporterView,
  type THubSignedRequest,
  ZHubOrgCaseBody,
} from "@sonae/core";
import { type Db, hubMessages, hubOrgKeys, hubReports } from "@sonae/db";
import { asc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import { hashToken } from "../../platform/auth/session.repo";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "../auth/hub.policy";
import { openPayload } from "../cases/case.present";
import { authoriseCase } from "../cases/case-rights";
import { claimNonce } from "../intake/nonces.repo";
import { fingerprintOf, verifySignedRequest } from "../intake/signature";
import { sealJson } from "../store/envelope";
import type { HubKeyring } from "../store/hub-keyring";
import { presentMessages } from "./messages.present";

type Row = typeof hubReports.$inferSelect;

async function insertMessage(
  tx: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  row: Row,
  m: {
    direction: "police" | "reporter";
    kind: THubPostMessageRequest["kind"];
    body: string;
    authorUserId: string | null;
  },
) {
  const { dek } = openPayload(ring, row);
  const id = randomUUID();
  await tx.insert(hubMessages).values({
    id,
    reportId: row.id,
    direction: m.direction,
    kind: m.kind,
    authorUserId: m.authorUserId,
    bodyEnc: sealJson(dek, { body: m.body }, `message:${id}`),
  });
  await recordAudit(
    tx,
    ctx,
    {
      type: "hub.message_posted",
      reportId: row.id,
      reference: row.reference,
      direction: m.direction,
      kind: m.kind,
    },
    m.authorUserId ? undefined : null,
  );
  return id;
}

/** A question, first-response advice or decryptor information from the police to the reporter. */
export async function postPoliceMessage(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  actor: HubActor,
  reportId: string,
  input: THubPostMessageRequest,
) {
  const row = await authoriseCase(db, ctx, actor, reportId, "case.message");
  return db.transaction(async (tx) => {
    return {
      id: await insertMessage(tx, ctx, ring, row, {
        direction: "police",
        kind: input.kind,
        body: input.body,
        authorUserId: actor.userId,
      }),
    };
  });
}

/** What the reporter sees: status and messages, never internal triage fields. Audited. */
async function reporterView(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  row: Row,
): Promise<THubReporterView> {
  const { dek } = openPayload(ring, row);
  const rows = await db
    .select()
    .from(hubMessages)
    .where(eq(hubMessages.reportId, row.id))
    .orderBy(asc(hubMessages.createdAt));
  await recordAudit(
    db,
    ctx,
    { type: "hub.reporter_status_read", reportId: row.id, reference: row.reference },
    null,
  );
  return {
    reference: row.reference,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    messages: presentMessages(dek, rows),
  };
}

/** The report of a receipt link: reference plus secret token (compared in constant time). */
export async function loadByReceipt(db: Pick<Db, "select">, reference: string, token: string): Promise<Row> {
  const [row] = await db.select().from(hubReports).where(eq(hubReports.reference, reference)).limit(1);
  const expected = Buffer.from(row?.receiptTokenHash ?? "0".repeat(64));
  const given = Buffer.from(hashToken(token));
  // Compare first, whatever the row: the answer time must not reveal whether the reference exists.
  const matches = timingSafeEqual(expected, given);
  if (!matches || row?.source !== "public") throw new AppError("NOT_FOUND");
  return row;
}

export async function getReporterViewByReceipt(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  reference: string,
  token: string,
) {
  return reporterView(db, ctx, ring, await loadByReceipt(db, reference, token));
}

export async function postReporterMessageByReceipt(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  reference: string,
  token: string,
  body: string,
) {
  return db.transaction(async (tx) => {
    const row = await loadByReceipt(tx, reference, token);
    return {
      id: await insertMessage(tx, ctx, ring, row, {
        direction: "reporter",
        kind: "message",
        body,
        authorUserId: null,
      }),
    };
  });
}

/**
 * An organisation's signed status request or reply about its own submission. The key that signed
 * must be the key that submitted; anything else is 404.
 */
export async function handleOrgCaseRequest(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  request: THubSignedRequest,
): Promise<THubReporterView> {
  const parsed = ZHubOrgCaseBody.safeParse(verifySignedRequest(request));
  if (!parsed.success)
    throw new AppError("VALIDATION", { field: parsed.error.issues[0]?.path.join(".") ?? "body" });
  const body = parsed.data;
  const fingerprint = fingerprintOf(request.publicKey);
  const row = await db.transaction(async (tx) => {
    await claimNonce(tx, `sig:${fingerprint}:${body.nonce}`);
    const [report] = await tx
      .select()
      .from(hubReports)
      .where(eq(hubReports.reference, body.reference))
      .limit(1);
    const [key] = report?.orgKeyId
      ? await tx.select().from(hubOrgKeys).where(eq(hubOrgKeys.id, report.orgKeyId)).limit(1)
      : [];
    if (!report || !key || key.fingerprint !== fingerprint || key.status === "revoked")
      throw new AppError("NOT_FOUND");
    if (body.type === "reply") {
      if (!body.message) throw new AppError("VALIDATION", { field: "message" });
      await insertMessage(tx, ctx, ring, report, {
        direction: "reporter",
        kind: "message",
        body: body.message,
        authorUserId: null,
      });
    }
    return report;
  });
  return reporterView(db, ctx, ring, row);
}
