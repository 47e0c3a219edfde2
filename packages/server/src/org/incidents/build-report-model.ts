import { createHash } from "node:crypto";
import {
  deriveSmeStatus,
  findPrefecture,
  INDUSTRIES,
  type IndustryCode,
  renderNetworkDiagramSvg,
  type TIncidentDetail,
  type TIncidentSymptom,
  type TNetworkDiagramDocument,
} from "@sonae/core";
import type { contacts, devices, networkDiagrams, organisations } from "@sonae/db";
import type { TReportPackageInput } from "@sonae/documents";
import { type KevCatalog, type KevRanges, loadShippedKevRanges } from "@sonae/kev";
import { matchDeviceRow } from "../devices/devices.service";

/** Printed on every page and carried in every format (issue 5 §8; the police keep reports confidential). */
export const CONFIDENTIALITY_MARK = "取扱注意／CONFIDENTIAL";

type Register = {
  organisation: typeof organisations.$inferSelect;
  contacts: (typeof contacts.$inferSelect)[];
  devices: (typeof devices.$inferSelect)[];
  diagram: typeof networkDiagrams.$inferSelect | null;
  kev: KevCatalog | null;
  /** NVD affected-version data behind the KEV verdicts (the data folder's; the shipped data when absent). */
  kevRanges?: KevRanges;
  /**
   * Hook for the evidence engine (packages/evidence, integrated later): the manifest of the logs
   * preserved for this incident. Absent until evidence exists; the package then omits the section.
   */
  preservedLogs?: TReportPackageInput["preservedLogs"];
  /** Evidence bundles and triage detections of the incident (report-evidence.ts), when any exist. */
  evidenceBundles?: TReportPackageInput["evidenceBundles"];
  detections?: TReportPackageInput["detections"];
  /** The common-form send this export stands for (report-forms.service.ts). */
  commonForm?: TReportPackageInput["commonForm"];
};

const opt = (v: string | null | undefined, max = 2000) => {
  const t = v?.trim();
  return t ? t.slice(0, max) : undefined;
};

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
    // Affected and unknown entries only, with verdict and basis: never the not-affected ones (issue 12).
    const kev = reg.kev
      ? matchDeviceRow(d, reg.kev, reg.kevRanges ?? loadShippedKevRanges()).filter(
          (m) => m.versionVerdict !== "not-affected-by-version",
        )
      : [];
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
      lastPatchedAt: d.lastPatchedAt?.slice(0, 10) ?? undefined,
      pendingUpdates: opt(d.pendingUpdates, 500),
      endOfSupport: d.endOfSupport?.slice(0, 10) ?? undefined,
      kevMatches: kev.slice(0, 200).map((m) => ({
        cveId: m.cveID,
        vulnerabilityName: opt(m.vulnerabilityName, 500),
        dateAdded: m.dateAdded,
        knownRansomwareCampaignUse: m.knownRansomwareCampaignUse === "Known" ? "Known" : "Unknown",
        verdict: m.versionVerdict === "affected" ? ("affected" as const) : ("unknown" as const),
        basis: opt(m.reason.ja, 1000),
        basisEn: opt(m.reason.en, 1000),
        fixedVersion: opt(m.fixedVersion ?? undefined, 100),
        dueDate: m.dueDate,
        weakness: opt(m.weaknesses.map((w) => (w.label ? `${w.cwe} ${w.label.ja}` : w.cwe)).join(", "), 200),
      })),
    };
  });
}

/**
 * The diagram as the police need it: drawn (nodes with positions, for the PDF) and as the SVG file
 * the readiness area renders (HTML/JSON attachment, with its SHA-256). The stored document belongs to
 * the readiness area (core ZNetworkDiagramDocument) and is read defensively.
 */
function diagramOf(diagram: Register["diagram"]): TReportPackageInput["networkDiagram"] {
  if (!diagram) return { attachments: [] };
  const doc = diagram.document as TNetworkDiagramDocument;
  const nodes = (Array.isArray(doc.nodes) ? doc.nodes : []).slice(0, 300);
  const edges = (Array.isArray(doc.edges) ? doc.edges : []).slice(0, 1000);
  if (nodes.length === 0) return { attachments: [] };
  const svg = renderNetworkDiagramSvg({ version: 1, nodes, edges }, "ネットワーク構成図 / Network diagram");
  return {
    diagram: {
      updatedAt: diagram.updatedAt.toISOString(),
      nodes: nodes.map((n) => ({
        id: n.id,
        label: n.label ?? "",
        type: n.type,
        x: n.position?.x ?? 0,
        y: n.position?.y ?? 0,
      })),
      edges: edges.map((e) => ({ source: e.source, target: e.target, label: e.label ?? "" })),
    },
    attachments: [
      {
        fileName: "network-diagram.svg",
        sha256: createHash("sha256").update(svg, "utf8").digest("hex"),
        mediaType: "image/svg+xml",
        content: svg,
      },
    ],
  };
}

/** Entries the system wrote in both languages ("日本語 / English") split so each document uses one. */
function splitBilingual(text: string): { event: string; eventEn?: string } {
  const at = text.lastIndexOf("/ ");
  const en = text.slice(at + 2).trim();
  const ja = text.slice(0, at).trim();
  if (at <= 0 || !ja || !/^[\x20-\x7E]+$/.test(en)) return { event: text.slice(0, 2000) };
  return { event: ja.slice(0, 2000), eventEn: en.slice(0, 2000) };
}

function contactPersonOf(reg: Register, fallbackName: string): TReportPackageInput["contactPerson"] {
  const team = reg.contacts.filter((c) => c.category === "team");
  const person =
    team.find((c) => c.role === "liaison") ?? team.find((c) => c.role === "responsible") ?? team[0];
  if (!person) return { name: fallbackName.slice(0, 100), reachable24h: false };
  const email = opt(person.email, 200);
  return {
    name: person.name.slice(0, 100),
    title: opt(person.affiliation ?? person.role, 100),
    phone: opt(person.phone, 40),
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
    formatVersion: "1.1.0",
    generatedAt: now.toISOString(),
    confidentiality: CONFIDENTIALITY_MARK,
    tlp: "amber",
    organisation: {
      name: org.name,
      prefecture: findPrefecture(org.prefectureCode)?.nameJa ?? org.prefectureCode,
      prefectureEn: findPrefecture(org.prefectureCode)?.nameEn,
      industry: industry?.nameJa,
      industryEn: industry?.nameEn,
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
      discoveredHow: opt(
        [incident.discoveredBy && `発見者: ${incident.discoveredBy}`, opt(incident.discoveredHow)]
          .filter(Boolean)
          .join(" / "),
      ),
      summary,
      businessImpact: opt(incident.businessImpact, 5000),
      personalDataInvolved: incident.personalData,
      request: incident.request,
      familyName: opt(incident.family?.familyName, 100),
    },
    timeline: incident.timeline.slice(0, 1000).map((e) => ({
      at: e.at,
      ...(e.source === "system" ? splitBilingual(e.text) : { event: e.text.slice(0, 2000) }),
    })),
    affectedTerminals: incident.terminals.map((t) => ({
      name: t.host.slice(0, 200),
      account: opt(t.userName, 200),
      role: t.role,
      os: opt(t.os, 100),
      encrypted: t.encrypted,
      symptoms: opt(t.symptoms),
      isolated: t.isolatedAt ? "yes" : "unknown",
      isolatedAt: t.isolatedAt ?? undefined,
      poweredOff: t.powerState === "off" ? "yes" : t.powerState === "on" ? "no" : "unknown",
    })),
    networkDiagram: diagramOf(reg.diagram),
    preservedLogs: reg.preservedLogs,
    evidenceBundles: reg.evidenceBundles,
    detections: reg.detections,
    commonForm: reg.commonForm,
    ddos: incident.ddos
      ? {
          attackType: incident.ddos.attackType,
          peakGbps: incident.ddos.peakGbps ?? undefined,
          peakPps: incident.ddos.peakPps ?? undefined,
          durationMinutes: incident.ddos.durationMinutes ?? undefined,
          mitigation: opt(incident.ddos.mitigation),
          impact: opt(incident.ddos.impact),
        }
      : undefined,
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
    // Who was notified when, the police included (a follow-up report refers to the first one).
    otherNotifications: incident.deadlines
      .filter((x) => x.status === "done" && x.doneAt)
      .map((x) => ({
        to: [x.title.ja, x.recipient]
          .filter(Boolean)
          .join("（")
          .concat(x.recipient ? "）" : "")
          .slice(0, 200),
        toEn: [x.title.en, x.recipient]
          .filter(Boolean)
          .join(" (")
          .concat(x.recipient ? ")" : "")
          .slice(0, 200),
        at: x.doneAt!,
        reference: opt(x.referenceNumber, 200),
        officer: opt(x.officer, 200),
      })),
    sourceNotes: [
      ...(reg.kev
        ? [
            {
              label: "CISA KEV カタログ",
              labelEn: "CISA KEV catalogue",
              value: `${reg.kev.catalogVersion} (${reg.kev.dateReleased.slice(0, 10)}, ${reg.kev.source})`,
            },
          ]
        : []),
      {
        label: "報告期限の根拠",
        labelEn: "Deadline rules",
        value: "個人情報保護法 第26条、施行規則 第7条・第8条・第10条",
      },
    ],
  };
}
