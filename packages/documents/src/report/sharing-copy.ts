import type { TLang } from "../plan/plan-model";
import { DEVICE_TYPES, labelCode, TERMINAL_ROLES } from "./report-codes";
import { parseReportPackage, type TReportPackageModel } from "./report-model";
import {
  isInternalIpv4,
  isInternalIpv6,
  Scrubber,
  type TRemovedItem,
  type TRemovedKind,
} from "./sharing-scrub";

export type { TRemovedItem, TRemovedKind } from "./sharing-scrub";

const TOKENS: Record<TLang, Record<TRemovedKind, string>> = {
  ja: {
    organisation: "［組織名］",
    person: "［氏名］",
    address: "［非公開］",
    contact: "［連絡先］",
    host: "［社内ホスト］",
    account: "［アカウント］",
    "internal-ip": "［社内IP］",
    "staff-email": "［職員メール］",
    reference: "［非公開］",
    attachment: "［非公開］",
  },
  en: {
    organisation: "[organisation]",
    person: "[name]",
    address: "[withheld]",
    contact: "[contact]",
    host: "[internal host]",
    account: "[account]",
    "internal-ip": "[internal IP]",
    "staff-email": "[staff e-mail]",
    reference: "[withheld]",
    attachment: "[withheld]",
  },
};

const CONFIDENTIALITY = { ja: "共有用（TLP:GREEN）", en: "For sharing (TLP:GREEN)" } as const;

/** Options the organisation knows better than the package: its own mail domains and other names to drop. */
export interface TSharingOptions {
  staffEmailDomains?: string[];
  extraTerms?: string[];
}

function domainsOf(m: TReportPackageModel, options: TSharingOptions): string[] {
  const fromContact = m.contactPerson.email ? [m.contactPerson.email.split("@")[1] ?? ""] : [];
  return [
    ...new Set(
      [...fromContact, ...(options.staffEmailDomains ?? [])].map((d) => d.toLowerCase()).filter(Boolean),
    ),
  ];
}

function internalIndicator(s: Scrubber, kind: string, value: string): boolean {
  if (kind === "ipv4") return isInternalIpv4(value);
  if (kind === "ipv6") return isInternalIpv6(value);
  if (kind === "email") return s.isStaffEmail(value);
  if (kind === "domain") return s.isInternalHost(value);
  return false;
}

/**
 * The sharing copy (NISC guidance on sharing and publication, REPORTING.md §5): the same package with
 * what identifies the victim removed — organisation and people names, addresses, internal host names
 * and IP addresses, staff e-mail addresses, contact data, internal references — and the technical
 * attack information kept. Returns the copy and the list of what was removed, for the preview.
 */
export function buildSharingCopy(
  input: unknown,
  lang: TLang,
  options: TSharingOptions = {},
): { model: TReportPackageModel; removed: TRemovedItem[] } {
  const m = parseReportPackage(input);
  const t = TOKENS[lang];
  const s = new Scrubber(t, domainsOf(m, options));
  s.addTerm("organisation", m.organisation.name);
  s.addTerm("person", m.contactPerson.name);
  s.addTerm("address", m.organisation.prefecture);
  for (const term of options.extraTerms ?? []) s.addTerm("person", term);
  const hostToken = new Map<string, string>();
  const hostAlias = (name: string, label: string) => {
    const alias = hostToken.get(name) ?? `${label} ${hostToken.size + 1}`;
    hostToken.set(name, alias);
    s.addTerm("host", name, alias);
    s.note("host", name);
    return alias;
  };
  const terminals = m.affectedTerminals.map((x) => {
    if (x.account) s.addTerm("account", x.account);
    if (x.account) s.note("account", x.account);
    return { ...x, name: hostAlias(x.name, labelCode(TERMINAL_ROLES, x.role, lang)), account: undefined };
  });
  const devices = m.internetFacingDevices.map((d) => ({
    ...d,
    name: hostAlias(d.name, labelCode(DEVICE_TYPES, d.type, lang)),
  }));
  for (const b of m.evidenceBundles ?? []) {
    s.addTerm("person", b.examiner);
    s.note("person", b.examiner ?? "");
  }
  for (const d of m.detections ?? []) {
    for (const h of d.hosts) if (!hostToken.has(h)) hostAlias(h, lang === "ja" ? "ホスト" : "host");
    for (const a of d.accounts) s.addTerm("account", a);
  }
  s.note("organisation", m.organisation.name);
  s.note("address", m.organisation.prefecture);
  for (const v of [m.contactPerson.name, m.contactPerson.title]) if (v) s.note("person", v);
  for (const v of [m.contactPerson.phone, m.contactPerson.email]) if (v) s.note("contact", v);
  const copy = scrubModel(m, s, t, lang, terminals, devices, hostToken);
  return { model: copy, removed: [...s.removed.values()] };
}

function scrubModel(
  m: TReportPackageModel,
  s: Scrubber,
  t: Record<TRemovedKind, string>,
  lang: TLang,
  terminals: TReportPackageModel["affectedTerminals"],
  devices: TReportPackageModel["internetFacingDevices"],
  hosts: Map<string, string>,
): TReportPackageModel {
  const indicators = m.indicators.filter((i) => {
    const internal = internalIndicator(s, i.kind, i.value);
    if (internal)
      s.note(i.kind === "email" ? "staff-email" : i.kind === "domain" ? "host" : "internal-ip", i.value);
    return !internal;
  });
  for (const a of m.networkDiagram.attachments) s.note("attachment", a.fileName);
  for (const n of m.otherNotifications)
    for (const v of [n.officer, n.reference]) if (v) s.note("reference", v);
  return {
    ...m,
    sharingCopy: true,
    tlp: "green",
    confidentiality: CONFIDENTIALITY[lang],
    organisation: {
      name: t.organisation,
      prefecture: t.address,
      industry: m.organisation.industry,
      industryEn: m.organisation.industryEn,
      isSme: m.organisation.isSme,
    },
    contactPerson: { name: t.person, reachable24h: m.contactPerson.reachable24h },
    incident: {
      ...m.incident,
      title: s.text(m.incident.title),
      discoveredHow: s.text(m.incident.discoveredHow),
      summary: s.text(m.incident.summary),
      businessImpact: s.text(m.incident.businessImpact),
    },
    timeline: m.timeline.map((e) => ({ ...e, event: s.text(e.event), eventEn: s.text(e.eventEn) })),
    affectedTerminals: terminals.map((x) => ({ ...x, symptoms: s.text(x.symptoms) })),
    networkDiagram: {
      description: s.text(m.networkDiagram.description),
      diagram: m.networkDiagram.diagram && {
        ...m.networkDiagram.diagram,
        nodes: m.networkDiagram.diagram.nodes.map((n) => ({
          ...n,
          label: hosts.get(n.label) ?? s.text(n.label),
        })),
        edges: m.networkDiagram.diagram.edges.map((e) => ({ ...e, label: s.text(e.label) })),
      },
      // The drawing carries every label as entered; the scrubbed diagram above is drawn instead.
      attachments: [],
    },
    internetFacingDevices: devices.map((d) => ({ ...d, usage: s.text(d.usage) })),
    preservedLogs: m.preservedLogs && {
      ...m.preservedLogs,
      items: m.preservedLogs.items.map((x) => ({ ...x, name: s.text(x.name), source: s.text(x.source) })),
    },
    evidenceBundles: m.evidenceBundles?.map((b, i) => ({
      ...b,
      fileName: `bundle-${i + 1}.zip`,
      caseId: undefined,
      examiner: undefined,
    })),
    detections: m.detections?.map((d) => ({
      ...d,
      hosts: d.hosts.map((h) => hosts.get(h) ?? t.host),
      accounts: d.accounts.map(() => t.account),
      sourceAddresses: d.sourceAddresses.map((a) => s.text(a)),
    })),
    ransom: { ...m.ransom, noteText: s.text(m.ransom.noteText) },
    intrusion: { ...m.intrusion, detail: s.text(m.intrusion.detail) },
    indicators: indicators.map((i) => ({ ...i, note: s.text(i.note) })),
    actionsTaken: m.actionsTaken.map((a) => ({ ...a, action: s.text(a.action) })),
    otherNotifications: m.otherNotifications.map((n) => ({
      to: s.text(n.to),
      toEn: s.text(n.toEn),
      at: n.at,
    })),
    commonForm: undefined,
    ddos: m.ddos && { ...m.ddos, mitigation: s.text(m.ddos.mitigation), impact: s.text(m.ddos.impact) },
  };
}
