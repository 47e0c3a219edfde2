import {
  AppError,
  computeResponseDue,
  NATIONAL_UNIT_ID,
  type THubCaseDetail,
  type THubCaseUpdateRequest,
} from "@sonae/core";
import {
  type Db,
  hubAttachments,
  hubMemberships,
  hubMessages,
  hubReportShares,
  hubReports,
  users,
} from "@sonae/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { type HubActor, unitOf } from "../auth/hub.policy";
import type { HubCaseAction } from "../auth/hub-rights";
import { loadKeyFacts } from "../auth/org-identity";
import { countRelated, moveObservations } from "../correlation/observations.repo";
import { presentMessages } from "../messages/messages.present";
import { openBytes, openJson } from "../store/envelope";
import type { HubKeyring } from "../store/hub-keyring";
import { openPayload, presentCaseSummary } from "./case.present";
import { loadVisibleReport } from "./case-access";
import { authoriseCase, authoriseCaseWithRelation, caseActionsAllowed } from "./case-rights";

/** One case with payload, indicators, attachments and messages. Every read is audited (§6). */
export async function getCase(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  actor: HubActor,
  id: string,
): Promise<THubCaseDetail> {
  const { row, relation } = await authoriseCaseWithRelation(db, ctx, actor, id, "case.read");
  const { dek, sealed } = openPayload(ring, row);
  const key = row.orgKeyId ? (await loadKeyFacts(db, [row.orgKeyId])).get(row.orgKeyId) : undefined;
  const files = await db
    .select()
    .from(hubAttachments)
    .where(eq(hubAttachments.reportId, row.id))
    .orderBy(asc(hubAttachments.createdAt));
  const messages = await db
    .select()
    .from(hubMessages)
    .where(eq(hubMessages.reportId, row.id))
    .orderBy(asc(hubMessages.createdAt));
  const shares = await db.select().from(hubReportShares).where(eq(hubReportShares.reportId, row.id));
  const related = await countRelated(db, [row.id]);
  await recordAudit(db, ctx, { type: "hub.case_viewed", reportId: row.id, reference: row.reference });
  return {
    ...presentCaseSummary(row, sealed, key),
    relation,
    allowedActions: caseActionsAllowed(actor, relation),
    keyStatus: key?.status ?? null,
    payload: sealed.body,
    indicators: sealed.indicators,
    attachments: files.map((f) => ({
      id: f.id,
      fileName: openJson<{ fileName: string }>(dek, f.metaEnc, `attachment-meta:${f.id}`).fileName,
      sizeBytes: f.sizeBytes,
    })),
    messages: presentMessages(dek, messages),
    sharedWith: shares.map((s) => ({ unitId: s.unitId, reason: s.reason })),
    relatedCount: related.get(row.id) ?? 0,
  };
}

/** Decrypted attachment bytes for a visible case; audited. */
export async function readAttachment(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  actor: HubActor,
  id: string,
  attachmentId: string,
) {
  const row = await authoriseCase(db, ctx, actor, id, "case.read");
  const [file] = await db
    .select()
    .from(hubAttachments)
    .where(and(eq(hubAttachments.id, attachmentId), eq(hubAttachments.reportId, row.id)))
    .limit(1);
  if (!file) throw new AppError("NOT_FOUND");
  const { dek } = openPayload(ring, row);
  await recordAudit(db, ctx, {
    type: "hub.attachment_read",
    reportId: row.id,
    reference: row.reference,
    attachmentId,
  });
  return {
    meta: openJson<{ fileName: string; mimeType: string }>(dek, file.metaEnc, `attachment-meta:${file.id}`),
    bytes: openBytes(dek, file.contentEnc, `attachment:${file.id}`),
  };
}

/**
 * Who the case may be assigned to (what `assign` accepts): active members of the owning unit and of
 * the national unit. Only for those who may triage the case; names and e-mails, nothing else.
 */
export async function listAssignees(db: Db, ctx: RequestContext, actor: HubActor, id: string) {
  const row = await authoriseCase(db, ctx, actor, id, "case.triage");
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      unitId: hubMemberships.unitId,
    })
    .from(hubMemberships)
    .innerJoin(users, eq(users.id, hubMemberships.userId))
    .where(and(inArray(hubMemberships.unitId, [row.unitId, NATIONAL_UNIT_ID]), eq(users.isDisabled, false)))
    .orderBy(asc(hubMemberships.unitId), asc(users.displayName))
    .limit(500);
  return rows;
}

/** Which right of the policy table each triage action needs. */
const CASE_ACTION_RIGHT: Record<THubCaseUpdateRequest["action"], HubCaseAction> = {
  acknowledge: "case.triage",
  classify: "case.triage",
  prioritise: "case.triage",
  assign: "case.triage",
  escalate: "case.triage",
  close: "case.close",
  share: "case.share",
  transfer: "case.transfer",
};

async function share(tx: Db, reportId: string, unitId: number, reason: "transfer" | "share" | "escalation") {
  await tx.insert(hubReportShares).values({ reportId, unitId, reason }).onConflictDoNothing();
}

/**
 * Triage actions. Acknowledging starts the response SLA clock; a transfer moves ownership (the
 * previous unit keeps read access through a share row); escalation shares with the national unit.
 */
export async function updateCase(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  id: string,
  input: THubCaseUpdateRequest,
) {
  // The rights table decides first, outside the transaction, so a refusal is audited and kept.
  await authoriseCase(db, ctx, actor, id, CASE_ACTION_RIGHT[input.action]);
  return db.transaction(async (tx) => {
    const row = await loadVisibleReport(tx, actor, id);
    const now = new Date();
    const set: Partial<typeof hubReports.$inferInsert> = { updatedAt: now };
    let from: unknown;
    let to: unknown;
    switch (input.action) {
      case "acknowledge":
        if (row.acknowledgedAt) throw new AppError("CONFLICT");
        set.status = "acknowledged";
        set.acknowledgedAt = now;
        set.responseDueAt = computeResponseDue(now, row.priority);
        to = now.toISOString();
        break;
      case "classify":
        [from, to] = [row.category, input.category];
        set.category = input.category;
        break;
      case "prioritise":
        [from, to] = [row.priority, input.priority];
        set.priority = input.priority;
        if (row.acknowledgedAt) set.responseDueAt = computeResponseDue(row.acknowledgedAt, input.priority);
        break;
      case "assign": {
        if (input.assigneeUserId) {
          const [m] = await tx
            .select()
            .from(hubMemberships)
            .where(eq(hubMemberships.userId, input.assigneeUserId))
            .limit(1);
          if (!m || (m.unitId !== row.unitId && m.unitId !== NATIONAL_UNIT_ID))
            throw new AppError("VALIDATION", { field: "assigneeUserId" });
        }
        [from, to] = [row.assigneeUserId, input.assigneeUserId];
        set.assigneeUserId = input.assigneeUserId;
        if (row.status === "acknowledged") set.status = "in_progress";
        break;
      }
      case "transfer":
        unitOf(input.unitId);
        if (input.unitId === row.unitId) throw new AppError("VALIDATION", { field: "unitId" });
        [from, to] = [row.unitId, input.unitId];
        await share(tx, row.id, row.unitId, "transfer");
        set.unitId = input.unitId;
        set.assigneeUserId = null;
        await moveObservations(tx, row.id, input.unitId);
        break;
      case "share":
        unitOf(input.unitId);
        to = input.unitId;
        await share(tx, row.id, input.unitId, "share");
        break;
      case "escalate":
        if (row.escalatedAt) throw new AppError("CONFLICT");
        set.escalatedAt = now;
        to = NATIONAL_UNIT_ID;
        await share(tx, row.id, NATIONAL_UNIT_ID, "escalation");
        break;
      case "close":
        [from, to] = [row.status, "closed"];
        set.status = "closed";
        break;
    }
    await tx.update(hubReports).set(set).where(eq(hubReports.id, row.id));
    await recordAudit(tx, ctx, {
      type: "hub.case_updated",
      reportId: row.id,
      reference: row.reference,
      action: input.action,
      from,
      to,
    });
    return { id: row.id };
  });
}
