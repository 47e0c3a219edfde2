import { HUB_UNITS, type THubMessage } from "@sonae/core";
import { auditEvents, type Db, hubMessages, hubReportShares, type hubReports, users } from "@sonae/db";
import {
  buildReportDocument,
  createTable,
  renderDocumentPdf,
  type TBlock,
  type TDocument,
} from "@sonae/documents";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "../auth/hub.policy";
import { presentMessages } from "../messages/messages.present";
import type { HubKeyring } from "../store/hub-keyring";
import { openPayload } from "./case.present";
import { CASE_EXPORT_LABELS, type CaseExportLabels } from "./case-export-labels";
import { authoriseCase } from "./case-rights";

type Lang = "ja" | "en";
type Row = typeof hubReports.$inferSelect;
type AuditEntry = { id: number; at: Date; actorEmail: string | null; type: string; payload: unknown };

/** A case file stays printable: the newest entries are kept, the count of the others is said. */
const MAX_AUDIT_ROWS = 2_000;
const MAX_MESSAGES = 1_000;
const MAX_DETAIL_CHARS = 300;

/**
 * The case for the file, as a PDF: the report package laid out as the organisation's own police
 * report PDF (the same renderer), or the public form's fields, then the hub's record of the case —
 * facts, messages both ways, actions (status, assignment, shares, transfers, escalation) and the
 * audit trail of every event about the case. Needs read access to the case (invisible → 404); the
 * export itself is audited first, so the PDF's trail ends with this export.
 */
export async function exportCasePdf(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  actor: HubActor,
  id: string,
  lang: Lang,
): Promise<{ reference: string; pdf: Buffer }> {
  const row = await authoriseCase(db, ctx, actor, id, "case.read");
  await recordAudit(db, ctx, {
    type: "hub.case_exported",
    reportId: row.id,
    reference: row.reference,
    format: "pdf",
    lang,
  });
  const { dek, sealed } = openPayload(ring, row);
  const messageRows = await db
    .select()
    .from(hubMessages)
    .where(eq(hubMessages.reportId, row.id))
    .orderBy(asc(hubMessages.createdAt))
    .limit(MAX_MESSAGES + 1);
  const shares = await db.select().from(hubReportShares).where(eq(hubReportShares.reportId, row.id));
  const trail = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorEmail: users.email,
      type: auditEvents.type,
      payload: auditEvents.payload,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(sql`${auditEvents.type} LIKE 'hub.%' AND ${auditEvents.payload}->>'reportId' = ${row.id}`)
    .orderBy(desc(auditEvents.id))
    .limit(MAX_AUDIT_ROWS + 1);
  const actions = trail.filter((e) => e.type === "hub.case_updated").reverse();
  const people = await emailsOf(db, actions);
  const l = CASE_EXPORT_LABELS[lang];
  const body = (sealed.body ?? {}) as { package?: unknown; form?: Record<string, unknown> };
  const base: TDocument = body.package
    ? buildReportDocument(body.package, lang)
    : publicFormDocument(l, lang, sealed.title, body.form ?? {}, row);
  const messages = presentMessages(dek, messageRows.slice(0, MAX_MESSAGES));
  const document: TDocument = {
    ...base,
    title: `${row.reference} ${base.title}`,
    createdAt: new Date().toISOString(),
    metaLines: [...base.metaLines, `${l.exportedBy}: ${actor.email} (${unitName(actor.unitId, lang)})`],
    confidentiality: `${l.confidential} ${row.reference}`,
    blocks: [
      ...base.blocks,
      { type: "pageBreak" },
      ...hubRecordBlocks(l, lang, row, shares),
      ...messageBlocks(l, messages, messageRows.length > MAX_MESSAGES),
      ...actionBlocks(l, lang, actions, people),
      ...auditBlocks(l, trail.slice(0, MAX_AUDIT_ROWS).reverse(), trail.length > MAX_AUDIT_ROWS),
    ],
  };
  return { reference: row.reference, pdf: await renderDocumentPdf(document) };
}

function unitName(unitId: number, lang: Lang): string {
  const unit = HUB_UNITS.find((u) => u.id === unitId);
  if (!unit) return String(unitId);
  return lang === "en" ? unit.nameEn : unit.nameJa;
}

/** Times in Japan Standard Time, as the officers and the reporters read them. */
function when(at: Date | string | null, lang: Lang): string {
  if (at === null) return "—";
  const text = new Date(at).toLocaleString(lang === "en" ? "en-GB" : "ja-JP", {
    timeZone: "Asia/Tokyo",
    hour12: false,
  });
  return `${text} JST`;
}

/** A public-form report has no package: its fields, as the reporter wrote them (plain text). */
function publicFormDocument(
  l: CaseExportLabels,
  lang: Lang,
  title: string,
  form: Record<string, unknown>,
  row: Row,
): TDocument {
  const fields = Object.entries(form)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => [l.formFields[k as keyof CaseExportLabels["formFields"]] ?? k, String(v)]);
  return {
    lang,
    title: `${l.publicTitle}: ${title}`,
    createdAt: row.receivedAt.toISOString(),
    metaLines: [`${l.received}: ${when(row.receivedAt, lang)}`],
    confidentiality: l.confidential,
    blocks: [
      { type: "heading", level: 1, text: l.publicTitle },
      createTable(
        [
          { label: l.field, weight: 1 },
          { label: l.value, weight: 3 },
        ],
        fields,
      ),
    ],
    sources: [],
  };
}

function hubRecordBlocks(
  l: CaseExportLabels,
  lang: Lang,
  row: Row,
  shares: (typeof hubReportShares.$inferSelect)[],
): TBlock[] {
  const facts: [string, string][] = [
    [l.reference, row.reference],
    [l.source, l.sources[row.source]],
    [l.unit, unitName(row.unitId, lang)],
    [l.status, l.statuses[row.status as keyof CaseExportLabels["statuses"]] ?? row.status],
    [l.category, row.category ?? "—"],
    [l.priority, row.priority ?? "—"],
    [l.received, when(row.receivedAt, lang)],
    [l.ackDue, when(row.ackDueAt, lang)],
    [l.acknowledged, when(row.acknowledgedAt, lang)],
    [l.responseDue, when(row.responseDueAt, lang)],
    [l.escalated, when(row.escalatedAt, lang)],
    [
      l.sharedWith,
      shares.length === 0
        ? "—"
        : shares.map((s) => `${unitName(s.unitId, lang)} (${l.shareReasons[s.reason]})`).join(", "),
    ],
  ];
  return [
    { type: "heading", level: 1, text: l.hubRecord },
    { type: "paragraph", text: l.hubRecordNote, tone: "muted" },
    createTable(
      [
        { label: l.field, weight: 1 },
        { label: l.value, weight: 3 },
      ],
      facts,
    ),
  ];
}

function messageBlocks(l: CaseExportLabels, messages: THubMessage[], truncated: boolean): TBlock[] {
  const blocks: TBlock[] = [{ type: "heading", level: 2, text: l.messages }];
  if (messages.length === 0) return [...blocks, { type: "paragraph", text: l.none, tone: "muted" }];
  blocks.push(
    createTable(
      [
        { label: l.at, weight: 1.4 },
        { label: l.direction, weight: 1 },
        { label: l.body, weight: 4 },
      ],
      messages.map((m) => [when(m.createdAt, l.lang), `${l.directions[m.direction]} / ${m.kind}`, m.body]),
    ),
  );
  if (truncated) blocks.push({ type: "paragraph", text: l.messagesTruncated(MAX_MESSAGES), tone: "warning" });
  return blocks;
}

/** Assignments are recorded by user id: the file names the person (their e-mail). */
async function emailsOf(db: Db, actions: AuditEntry[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const e of actions) {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    if (p.action !== "assign") continue;
    for (const v of [p.from, p.to]) if (typeof v === "string" && /^[0-9a-f-]{36}$/i.test(v)) ids.add(v);
  }
  if (ids.size === 0) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.email]));
}

function describeAction(
  l: CaseExportLabels,
  lang: Lang,
  payload: Record<string, unknown>,
  people: Map<string, string>,
): string {
  const action = String(payload.action ?? "");
  const label = l.actions[action as keyof CaseExportLabels["actions"]] ?? action;
  const show = (v: unknown) => {
    if (v === null || v === undefined) return "—";
    if (action === "acknowledge" && typeof v === "string") return when(v, lang);
    if ((action === "transfer" || action === "share" || action === "escalate") && typeof v === "number")
      return unitName(v, lang);
    return (typeof v === "string" && people.get(v)) || String(v);
  };
  if (payload.from === undefined && payload.to === undefined) return label;
  if (payload.from === undefined) return `${label}: ${show(payload.to)}`;
  return `${label}: ${show(payload.from)} → ${show(payload.to)}`;
}

function actionBlocks(
  l: CaseExportLabels,
  lang: Lang,
  entries: AuditEntry[],
  people: Map<string, string>,
): TBlock[] {
  const blocks: TBlock[] = [{ type: "heading", level: 2, text: l.actionsTitle }];
  if (entries.length === 0) return [...blocks, { type: "paragraph", text: l.none, tone: "muted" }];
  blocks.push(
    createTable(
      [
        { label: l.at, weight: 1.4 },
        { label: l.actor, weight: 1.6 },
        { label: l.action, weight: 3 },
      ],
      entries.map((e) => [
        when(e.at, lang),
        e.actorEmail ?? "—",
        describeAction(l, lang, (e.payload ?? {}) as Record<string, unknown>, people),
      ]),
    ),
  );
  return blocks;
}

/** The audit payload minus what every row repeats (the case id and reference), cut to a line. */
function auditDetail(payload: unknown): string {
  const { reportId: _id, reference: _ref, type: _type, ...rest } = (payload ?? {}) as Record<string, unknown>;
  const text = Object.keys(rest).length === 0 ? "" : JSON.stringify(rest);
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text;
}

function auditBlocks(l: CaseExportLabels, entries: AuditEntry[], truncated: boolean): TBlock[] {
  const blocks: TBlock[] = [{ type: "heading", level: 2, text: l.auditTitle }];
  if (truncated) blocks.push({ type: "paragraph", text: l.auditTruncated(MAX_AUDIT_ROWS), tone: "warning" });
  blocks.push(
    createTable(
      [
        { label: "#", weight: 0.6 },
        { label: l.at, weight: 1.4 },
        { label: l.actor, weight: 1.6 },
        { label: l.event, weight: 1.4 },
        { label: l.detail, weight: 2.4 },
      ],
      entries.map((e) => [
        String(e.id),
        when(e.at, l.lang),
        e.actorEmail ?? "—",
        e.type.replace(/^hub\./, ""),
        auditDetail(e.payload),
      ]),
    ),
  );
  return blocks;
}
