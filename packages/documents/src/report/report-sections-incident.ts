import type { TBlock } from "../shared/document-blocks";
import type { TReportPackageModel } from "./report-model";
import { clip, paren, type ReportContext, type TSection } from "./report-sections";

const col = (label: string, weight: number) => ({ label, weight });

export function organisationSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l, lang } = c;
  const p = m.contactPerson;
  const o = m.organisation;
  return {
    title: l.s.organisation,
    blocks: [
      c.keyValues([
        [l.f.orgName, o.name],
        [l.f.prefecture, lang === "en" ? (o.prefectureEn ?? o.prefecture) : o.prefecture],
        [l.f.industry, lang === "en" ? (o.industryEn ?? o.industry) : o.industry],
        [l.f.sme, o.isSme === undefined ? undefined : c.v(o.isSme)],
        [l.f.contact, p.title ? `${p.name}${paren(lang, p.title)}` : p.name],
        [l.f.phone, p.phone ?? l.v.notRecorded],
        [l.f.email, p.email],
        [l.f.reachable24h, c.v(p.reachable24h)],
      ]),
    ],
  };
}

export function incidentSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l } = c;
  const i = m.incident;
  return {
    title: l.s.incident,
    blocks: [
      c.keyValues([
        [l.f.title, i.title],
        [l.reference, i.reference],
        [l.f.discoveredAt, c.dt(i.discoveredAt)],
        [l.f.firstAnomalyAt, c.dt(i.firstAnomalyAt)],
        [l.f.discoveredHow, i.discoveredHow ?? l.v.notRecorded],
        [l.f.summary, i.summary],
        [l.f.businessImpact, i.businessImpact],
        [l.f.personalData, c.v(i.personalDataInvolved)],
        [l.f.request, c.v(i.request)],
        [l.f.family, i.familyName],
        [l.f.intrusion, [c.v(m.intrusion.method), m.intrusion.detail].filter(Boolean).join(": ")],
      ]),
    ],
  };
}

/** First / follow-up / final report with its version, consent and what changed since the last send. */
export function commonFormSection(m: TReportPackageModel, c: ReportContext): TSection | undefined {
  const f = m.commonForm;
  if (!f) return undefined;
  const { l } = c;
  const blocks: TBlock[] = [
    c.keyValues([
      [l.f.reportKind, `${c.v(f.kind)}${paren(c.lang, `${l.f.version} ${f.version}`)}`],
      [l.f.reportNumber, f.reportNumber],
      [l.f.reportDate, c.dt(f.reportDate)],
      [l.f.recipient, f.recipient],
      [l.f.ncoConsent, c.v(f.ncoConsent)],
      [l.f.ci, c.v(f.criticalInfrastructure)],
    ]),
  ];
  if (f.changes.length > 0) {
    blocks.push(
      { type: "heading", level: 2, text: l.f.changes },
      ...c.table(
        l.f.changes,
        [col(l.f.label, 2), col(l.f.before, 3), col(l.f.after, 3)],
        f.changes.map((x) => [x.item, clip(x.before, 300), clip(x.after, 300)]),
      ),
    );
  }
  return { title: l.s.commonForm, blocks };
}

export function timelineSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l, lang } = c;
  const rows = [...m.timeline]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((t) => [c.dt(t.at) ?? "", lang === "en" && t.eventEn ? t.eventEn : t.event]);
  return {
    title: l.s.timeline,
    blocks: c.table(l.s.timeline, [col(l.f.at, 2), col(l.f.event, 5)], rows, 25),
  };
}

export function notificationsSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l, lang } = c;
  if (m.otherNotifications.length === 0) {
    return { title: l.s.notifications, blocks: [{ type: "paragraph", text: l.v.none }] };
  }
  const rows = [...m.otherNotifications]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((n) => [
      lang === "en" && n.toEn ? n.toEn : n.to,
      c.dt(n.at) ?? "",
      n.officer ?? "",
      n.reference ?? "",
    ]);
  return {
    title: l.s.notifications,
    blocks: c.table(
      l.s.notifications,
      [col(l.f.to, 3), col(l.f.at, 2), col(l.f.officer, 2), col(l.f.ref, 2)],
      rows,
    ),
  };
}

export function actionsSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l } = c;
  return {
    title: l.s.actions,
    blocks:
      m.actionsTaken.length === 0
        ? [{ type: "paragraph", text: l.v.none }]
        : c.table(
            l.s.actions,
            [col(l.f.at, 2), col(l.f.action, 6)],
            m.actionsTaken.map((a) => [c.dt(a.at) ?? "", a.action]),
          ),
  };
}
