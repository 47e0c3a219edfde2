import {
  deriveSmeStatus,
  findPrefecture,
  INDUSTRIES,
  type IndustryCode,
  type TIncidentDetail,
  type TIncidentSymptom,
} from "@sonae/core";
import type { contacts, devices, networkDiagrams, organisations } from "@sonae/db";
import type { TReportPackageInput } from "@sonae/documents";
import { type DeviceType, type KevCatalog, matchDevice } from "@sonae/kev";

/** Printed on every page and carried in every format (issue 5 §8; the police keep reports confidential). */
export const CONFIDENTIALITY_MARK = "取扱注意／CONFIDENTIAL";

type Register = {
  organisation: typeof organisations.$inferSelect;
  contacts: (typeof contacts.$inferSelect)[];
  devices: (typeof devices.$inferSelect)[];
  diagram: typeof networkDiagrams.$inferSelect | null;
  kev: KevCatalog | null;
  /**
   * Hook for the evidence engine (packages/evidence, integrated later): the manifest of the logs
   * preserved for this incident. Absent until evidence exists; the package then omits the section.
   */
  preservedLogs?: TReportPackageInput["preservedLogs"];
};

const opt = (v: string | null | undefined, max = 2000) => {
  const t = v?.trim();
  return t ? t.slice(0, max) : undefined;
};
const NOT_RECORDED = "未記入 / not recorded";

const SYMPTOM_JA: Record<TIncidentSymptom, string> = {
  files_encrypted: "ファイルの暗号化",
  ransom_note: "脅迫文（ランサムノート）",
  unknown_logins: "不審なログイン",
  data_leak_claim: "情報漏えいの主張・リークサイト掲載",
  service_down: "サービス停止・DDoS",
  account_takeover: "アカウントの乗っ取り",
  phishing: "フィッシング",
};

/** Patch state as the police ask it: outdated when updates are pending, support ended or KEV shows a gap. */
function patchStateOf(d: Register["devices"][number], affected: boolean, now: Date) {
  const endOfSupport = d.endOfSupport && Date.parse(d.endOfSupport) < now.getTime();
  if (affected || endOfSupport || opt(d.pendingUpdates)) return "outdated" as const;
  // 90 days: vendors of VPN appliances ship security fixes at least quarterly.
  if (d.lastPatchedAt && now.getTime() - Date.parse(d.lastPatchedAt) < 90 * 86_400_000)
    return "up-to-date" as const;
  return "unknown" as const;
}

function devicesOf(reg: Register, now: Date): TReportPackageInput["internetFacingDevices"] {
  return reg.devices.map((d) => {
    const kev = reg.kev
      ? matchDevice(
          {
            vendor: d.vendor,
            product: d.product,
            version: d.version ?? undefined,
            type: d.type.replaceAll("_", "-") as DeviceType,
          },
          reg.kev,
        ).matches.filter((m) => m.versionVerdict !== "not-affected-by-version")
      : [];
    const notes = [
      d.lastPatchedAt && `最終パッチ適用 ${d.lastPatchedAt}`,
      opt(d.pendingUpdates) && `未適用 ${d.pendingUpdates}`,
      d.endOfSupport && `サポート終了 ${d.endOfSupport}`,
    ].filter(Boolean);
    return {
      name: d.name.slice(0, 100),
      type: d.type.slice(0, 50),
      vendor: opt(d.vendor, 100),
      product: opt(d.product, 100),
      version: opt(d.version, 100),
      usage: opt(d.usage, 500),
      // Outdated when KEV says the version is affected, or when a known-exploited flaw in this
      // product was catalogued after the last patch date (nothing applied since it was exploited).
      patchState: patchStateOf(
        d,
        kev.some(
          (m) =>
            m.versionVerdict === "affected" || (d.lastPatchedAt !== null && m.dateAdded > d.lastPatchedAt),
        ),
        now,
      ),
      patchNote: opt(notes.join("; "), 500),
      kevMatches: kev.slice(0, 200).map((m) => ({
        cveId: m.cveID,
        vulnerabilityName: opt(m.vulnerabilityName, 500),
        dateAdded: m.dateAdded,
        knownRansomwareCampaignUse: m.knownRansomwareCampaignUse === "Known" ? "Known" : "Unknown",
      })),
    };
  });
}

/**
 * The diagram as text the police can read on paper: its nodes and who connects to whom. The document
 * belongs to the readiness area (core's ZNetworkDiagramDocument: nodes with id/label, edges with
 * source/target); it is read defensively so an older or partial document still describes something.
 */
function describeDiagram(diagram: Register["diagram"]): string {
  if (!diagram) return "ネットワーク構成図は未登録です / No network diagram recorded";
  const doc = diagram.document as { nodes?: unknown; edges?: unknown };
  const nodes = (Array.isArray(doc.nodes) ? doc.nodes : []) as { id?: unknown; label?: unknown }[];
  const edges = (Array.isArray(doc.edges) ? doc.edges : []) as {
    source?: unknown;
    target?: unknown;
    label?: unknown;
  }[];
  const names = new Map(nodes.map((n) => [String(n.id), String(n.label ?? n.id ?? "")]));
  const links = edges.map((e) => {
    const label = e.label ? `（${String(e.label)}）` : "";
    return `${names.get(String(e.source)) ?? "?"}—${names.get(String(e.target)) ?? "?"}${label}`;
  });
  const updated = diagram.updatedAt.toISOString().slice(0, 10);
  return [
    `構成図（${updated} 更新）: 機器・区画 ${nodes.length}、接続 ${edges.length}`,
    `構成要素: ${[...names.values()].filter(Boolean).join("、")}`,
    `接続: ${links.join("、")}`,
  ]
    .join("\n")
    .slice(0, 5000);
}

function contactPersonOf(reg: Register, fallbackName: string): TReportPackageInput["contactPerson"] {
  const team = reg.contacts.filter((c) => c.category === "team");
  const person =
    team.find((c) => c.role === "liaison") ?? team.find((c) => c.role === "responsible") ?? team[0];
  if (!person) return { name: fallbackName.slice(0, 100), phone: NOT_RECORDED, reachable24h: false };
  const email = opt(person.email, 200);
  return {
    name: person.name.slice(0, 100),
    title: opt(person.affiliation ?? person.role, 100),
    phone: opt(person.phone, 40) ?? NOT_RECORDED,
    email: email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : undefined,
    reachable24h: Boolean(opt(person.outOfHoursPhone)),
  };
}

/**
 * The one place the report package takes its indicators from: a value on a warning list that no person
 * promoted is context (listed with the list and its date), so the PDF, JSON, STIX and XLSX never carry
 * it as an attack indicator. A URL stored without a scheme cannot become a STIX url object: left out.
 */
export function indicatorsOf(all: TIncidentDetail["indicators"]) {
  const usable = all.filter((i) => i.kind !== "url" || /^[a-z][a-z0-9+.-]*:\/\//i.test(i.value));
  return {
    indicators: usable
      .filter((i) => !i.context)
      .map((i) => ({
        kind: i.kind,
        value: i.value,
        note: opt(
          [i.note, i.promotion && `警告リスト掲載値を指標として扱う理由: ${i.promotion.reason}`]
            .filter(Boolean)
            .join(" / "),
          500,
        ),
      })),
    indicatorContext: usable
      .filter((i) => i.context)
      .map((i) => ({
        kind: i.kind,
        value: i.value,
        lists: i.warningLists.map((l) => ({ name: l.name.ja, date: l.date })),
      })),
  };
}

/**
 * Maps an incident and the organisation's readiness record to the open report-package model of
 * @sonae/documents (the police's first-contact list: organisation, timeline, terminals, diagram,
 * internet-facing devices with KEV matches, demand, indicators, actions taken).
 */
export function buildReportModel(
  incident: TIncidentDetail,
  reg: Register,
  contactFallbackName: string,
  now = new Date(),
): TReportPackageInput {
  const org = reg.organisation;
  const industry = INDUSTRIES.find((i) => i.code === org.industryCode);
  const d = incident.demand;
  const sym = incident.symptoms;
  const discoveredAt = incident.discoveredAt ?? incident.learnedAt ?? incident.createdAt;
  const anyEncrypted =
    sym.includes("files_encrypted") || incident.terminals.some((t) => t.encrypted === "yes");
  const summary =
    opt(incident.summary, 5000) ??
    `${sym.map((s) => SYMPTOM_JA[s]).join("、") || "事象未分類"}（${incident.title}）`;
  return {
    formatVersion: "1.0.0",
    generatedAt: now.toISOString(),
    confidentiality: CONFIDENTIALITY_MARK,
    tlp: "amber",
    organisation: {
      name: org.name,
      prefecture: findPrefecture(org.prefectureCode)?.nameJa ?? org.prefectureCode,
      industry: industry?.nameJa,
      isSme: deriveSmeStatus({
        industry: org.industryCode as IndustryCode,
        subSector: null,
        capitalYen: org.capitalYen,
        employees: org.employees,
      }).isSme,
    },
    contactPerson: contactPersonOf(reg, contactFallbackName),
    incident: {
      reference: incident.reference,
      title: incident.title.slice(0, 300),
      discoveredAt,
      firstAnomalyAt: incident.firstAnomalyAt ?? undefined,
      discoveredHow:
        [incident.discoveredBy && `発見者: ${incident.discoveredBy}`, opt(incident.discoveredHow)]
          .filter(Boolean)
          .join(" / ") || NOT_RECORDED,
      summary,
      businessImpact: opt(incident.businessImpact, 5000),
      personalDataInvolved: incident.personalData,
      request: incident.request,
      familyName: opt(incident.family?.familyName, 100),
    },
    timeline: incident.timeline.slice(0, 1000).map((e) => ({ at: e.at, event: e.text.slice(0, 2000) })),
    affectedTerminals: incident.terminals.map((t) => ({
      name: [t.host, t.userName && `(${t.userName})`].filter(Boolean).join(" ").slice(0, 200),
      role: t.role,
      os: opt(t.os, 100),
      encrypted: t.encrypted,
      symptoms: opt(t.symptoms) ?? NOT_RECORDED,
      isolated: t.isolatedAt ? "yes" : "unknown",
      poweredOff: t.powerState === "off" ? "yes" : t.powerState === "on" ? "no" : "unknown",
    })),
    networkDiagram: { description: describeDiagram(reg.diagram), attachments: [] },
    preservedLogs: reg.preservedLogs,
    internetFacingDevices: devicesOf(reg, now),
    ransom: {
      encrypted: anyEncrypted ? "yes" : "unknown",
      leakThreatened:
        d?.leakSiteClaim === "yes" || sym.includes("data_leak_claim")
          ? "yes"
          : (d?.leakSiteClaim ?? "unknown"),
      demanded: d && (d.amount !== null || opt(d.noteText)) ? "yes" : "unknown",
      noteText: opt(d?.noteText, 100_000),
      noteFileName: opt(d?.noteFileName, 300),
      encryptedExtension: opt(d?.encryptedExtension, 100),
      amount: d?.amount != null ? `${d.amount} ${d.currency ?? ""}`.trim() : undefined,
      deadline: d?.deadline ?? undefined,
      paid: d?.paid ?? "undecided",
    },
    intrusion: { method: incident.intrusionMethod, detail: opt(incident.intrusionDetail, 5000) },
    ...indicatorsOf(incident.indicators),
    actionsTaken: incident.timeline
      .filter((e) => e.isAction)
      .map((e) => ({ at: e.at, action: e.text.slice(0, 2000) })),
    otherNotifications: incident.deadlines
      .filter((x) => x.status === "done" && x.doneAt && x.obligationId !== "police")
      .map((x) => ({
        to: [x.title.ja, x.recipient].filter(Boolean).join(" / ").slice(0, 200),
        at: x.doneAt!,
        reference: opt(x.referenceNumber, 200),
      })),
    sourceNotes: [
      ...(reg.kev
        ? [
            {
              label: "CISA KEV カタログ / catalogue",
              value: `${reg.kev.catalogVersion} (${reg.kev.dateReleased.slice(0, 10)}, ${reg.kev.source})`,
            },
          ]
        : []),
      {
        label: "報告期限の根拠 / Deadline rules",
        value: "個人情報保護法 第26条、施行規則 第7条・第8条・第10条",
      },
    ],
  };
}
