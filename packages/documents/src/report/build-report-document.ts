import type { TLang } from "../plan/plan-model";
import { createTable, type TBlock, type TDocument, type TTableColumn } from "../shared/document-blocks";
import { formatDateTime } from "../shared/format-date";
import { labelValue, REPORT_LABELS, type TReportLabels } from "./report-labels";
import { parseReportPackage, type TReportPackageModel } from "./report-model";

const col = (label: string, weight: number): TTableColumn => ({ label, weight });
const h1 = (text: string): TBlock => ({ type: "heading", level: 1, text });

function keyValues(l: TReportLabels, rows: [string, string | undefined][]): TBlock {
  return createTable(
    [col(l.f.label, 2), col(l.f.value, 5)],
    rows.filter((r): r is [string, string] => r[1] !== undefined),
  );
}

function buildIncident(m: TReportPackageModel, l: TReportLabels, lang: TLang): TBlock[] {
  const dt = (iso: string | undefined) => (iso ? formatDateTime(iso, lang) : undefined);
  const c = m.contactPerson;
  const i = m.incident;
  return [
    h1(l.s.organisation),
    keyValues(l, [
      [l.f.orgName, m.organisation.name],
      [l.f.prefecture, m.organisation.prefecture],
      [l.f.industry, m.organisation.industry],
      [l.f.sme, m.organisation.isSme === undefined ? undefined : labelValue(l, m.organisation.isSme)],
      [l.f.contact, c.title ? `${c.name}（${c.title}）` : c.name],
      [l.f.phone, c.phone],
      [l.f.email, c.email],
      [l.f.reachable24h, labelValue(l, c.reachable24h)],
    ]),
    h1(l.s.incident),
    keyValues(l, [
      [l.f.title, i.title],
      [l.reference, i.reference],
      [l.f.discoveredAt, dt(i.discoveredAt)],
      [l.f.firstAnomalyAt, dt(i.firstAnomalyAt)],
      [l.f.discoveredHow, i.discoveredHow],
      [l.f.summary, i.summary],
      [l.f.businessImpact, i.businessImpact],
      [l.f.personalData, labelValue(l, i.personalDataInvolved)],
      [l.f.request, labelValue(l, i.request)],
      [l.f.family, i.familyName],
      [l.f.intrusion, [labelValue(l, m.intrusion.method), m.intrusion.detail].filter(Boolean).join(": ")],
    ]),
    h1(l.s.timeline),
    createTable(
      [col(l.f.at, 2), col(l.f.event, 5)],
      [...m.timeline]
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((t) => [formatDateTime(t.at, lang), t.event]),
    ),
  ];
}

function buildAssets(m: TReportPackageModel, l: TReportLabels): TBlock[] {
  const v = (x: Parameters<typeof labelValue>[1]) => labelValue(l, x);
  const blocks: TBlock[] = [
    h1(l.s.terminals),
    createTable(
      [
        col(l.f.name, 3),
        col(l.f.role, 2),
        col(l.f.os, 2),
        col(l.f.encrypted, 1.5),
        col(l.f.symptoms, 5),
        col(l.f.isolated, 1.5),
        col(l.f.poweredOff, 1.5),
      ],
      m.affectedTerminals.map((t) => [
        t.name,
        t.role,
        t.os ?? "",
        v(t.encrypted),
        t.symptoms,
        v(t.isolated),
        v(t.poweredOff),
      ]),
    ),
    h1(l.s.network),
    { type: "paragraph", text: m.networkDiagram.description },
  ];
  if (m.networkDiagram.attachments.length > 0) {
    blocks.push(
      createTable(
        [col(l.f.attachments, 3), col("SHA-256", 5)],
        m.networkDiagram.attachments.map((a) => [a.fileName, a.sha256]),
      ),
    );
  }
  blocks.push(
    h1(l.s.devices),
    createTable(
      [col(l.f.device, 2.5), col(l.f.product, 3), col(l.f.usage, 3), col(l.f.patch, 2), col(l.f.kev, 4)],
      m.internetFacingDevices.map((d) => [
        d.name,
        [d.vendor, d.product, d.version].filter(Boolean).join(" "),
        d.usage ?? "",
        [v(d.patchState), d.patchNote].filter(Boolean).join("\n"),
        d.kevMatches.map((k) => [k.cveId, k.vulnerabilityName].filter(Boolean).join(" ")).join("\n") ||
          v("none"),
      ]),
    ),
  );
  if (m.preservedLogs) {
    blocks.push(
      h1(l.s.logs),
      { type: "paragraph", text: `${l.f.manifest}: ${m.preservedLogs.manifestSha256}` },
      createTable(
        [col(l.f.name, 4), col(l.f.source, 2), col(l.f.size, 2), col("SHA-256", 5)],
        m.preservedLogs.items.map((x) => [x.name, x.source, String(x.sizeBytes), x.sha256]),
      ),
    );
  }
  return blocks;
}

function buildAttack(m: TReportPackageModel, l: TReportLabels, lang: TLang): TBlock[] {
  const r = m.ransom;
  const blocks: TBlock[] = [
    h1(l.s.ransom),
    keyValues(l, [
      [l.f.encrypted, labelValue(l, r.encrypted)],
      [l.f.leak, labelValue(l, r.leakThreatened)],
      [l.f.demanded, labelValue(l, r.demanded)],
      [l.f.extension, r.encryptedExtension],
      [l.f.amount, r.amount],
      [l.f.deadline, r.deadline],
      [l.f.paid, labelValue(l, r.paid)],
      [l.f.noteFile, r.noteFileName],
    ]),
  ];
  if (r.noteText) {
    blocks.push(
      { type: "heading", level: 2, text: l.f.note },
      { type: "paragraph", text: r.noteText, tone: "muted" },
    );
  }
  blocks.push(
    h1(l.s.indicators),
    { type: "paragraph", text: l.v.inert, tone: "muted" },
    createTable(
      [col(l.f.kind, 1.5), col(l.f.value, 7), col(l.f.remark, 3)],
      m.indicators.map((x) => [x.kind, x.value, x.note ?? ""]),
    ),
    h1(l.s.actions),
    createTable(
      [col(l.f.at, 2), col(l.f.action, 6)],
      m.actionsTaken.map((a) => [a.at ? formatDateTime(a.at, lang) : "", a.action]),
    ),
    h1(l.s.notifications),
    createTable(
      [col(l.f.to, 3), col(l.f.at, 2), col(l.f.ref, 3)],
      m.otherNotifications.map((n) => [n.to, formatDateTime(n.at, lang), n.reference ?? ""]),
    ),
  );
  return blocks;
}

/** Builds the format-neutral document of the police report package (validates the model first). */
export function buildReportDocument(input: unknown, lang: TLang): TDocument {
  const m = parseReportPackage(input);
  const l = REPORT_LABELS[lang];
  return {
    lang,
    title: l.title,
    createdAt: m.generatedAt,
    metaLines: [
      `${m.organisation.name}（${m.organisation.prefecture}）`,
      `${l.generated}: ${formatDateTime(m.generatedAt, lang)}　TLP:${m.tlp.toUpperCase()}`,
    ],
    confidentiality: m.confidentiality,
    blocks: [...buildIncident(m, l, lang), ...buildAssets(m, l), ...buildAttack(m, l, lang)],
    sources: m.sourceNotes.map((s) => `${s.label}: ${s.value}`),
  };
}
