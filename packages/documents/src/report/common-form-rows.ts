import { formatDateTime } from "../shared/format-date";
import { INDICATOR_KINDS, labelCode, TERMINAL_ROLES } from "./report-codes";
import { labelValue, REPORT_LABELS } from "./report-labels";
import type { TReportPackageModel } from "./report-model";
import { attackIndicators } from "./report-sections-attack";

/** One filled item of a common form: section, item label (the form's wording) and the value. */
export type TFormRow = [section: string, label: string, value: string];
export type TCommonFormKind = "ransomware" | "ddos";

const l = REPORT_LABELS.ja;
const v = (x: Parameters<typeof labelValue>[1]) => labelValue(l, x);
const dt = (iso: string | undefined) => (iso ? formatDateTime(iso, "ja") : "");

/** Which forms the incident fills: ransomware when anything was encrypted or demanded, DDoS when its fields exist. */
export function commonFormsOf(m: TReportPackageModel): TCommonFormKind[] {
  const ransomware =
    m.ransom.encrypted === "yes" || m.ransom.demanded === "yes" || m.ransom.noteText !== undefined;
  return [
    ...(ransomware || !m.ddos ? (["ransomware"] as const) : []),
    ...(m.ddos ? (["ddos"] as const) : []),
  ];
}

function reportRows(m: TReportPackageModel): TFormRow[] {
  const f = m.commonForm;
  const s = "報告の区分";
  return [
    [s, "報告番号", f?.reportNumber ?? ""],
    [s, "報告日", dt(f?.reportDate ?? m.generatedAt)],
    [s, "報告先", f?.recipient ?? ""],
    [s, "第1報・続報・最終報", f ? `${v(f.kind)}（第${f.version}版）` : v("first")],
    [s, "国家サイバー統括室（NCO）への共有の同意", f ? v(f.ncoConsent) : v("unknown")],
    [s, "重要インフラサービスの維持レベルを下回ったか", f ? v(f.criticalInfrastructure) : ""],
    [s, "被害届の提出または相談", v(m.incident.request)],
  ];
}

function basicRows(m: TReportPackageModel): TFormRow[] {
  const b = "基本情報";
  const o = "概要";
  const p = m.contactPerson;
  return [
    [b, l.f.orgName, m.organisation.name],
    [b, l.f.prefecture, m.organisation.prefecture],
    [b, l.f.industry, m.organisation.industry ?? ""],
    [b, l.f.contact, p.title ? `${p.name}（${p.title}）` : p.name],
    [b, l.f.phone, p.phone ?? ""],
    [b, l.f.email, p.email ?? ""],
    [b, l.f.reachable24h, v(p.reachable24h)],
    [o, l.f.title, m.incident.title],
    [o, l.f.discoveredAt, dt(m.incident.discoveredAt)],
    [o, l.f.firstAnomalyAt, dt(m.incident.firstAnomalyAt)],
    [o, l.f.discoveredHow, m.incident.discoveredHow ?? ""],
    [o, "被害の概要（停止した業務・漏えいのおそれ）", m.incident.summary],
    [o, "影響（顧客・業務・取引先）", m.incident.businessImpact ?? ""],
    [o, l.f.personalData, v(m.incident.personalDataInvolved)],
    [
      o,
      "経緯（時系列）",
      [...m.timeline]
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((t) => `${dt(t.at)} ${t.event}`)
        .join("\n"),
    ],
    [o, "初動対応", m.actionsTaken.map((a) => `${dt(a.at)} ${a.action}`.trim()).join("\n")],
    [
      o,
      "他機関への届出",
      m.otherNotifications.map((n) => `${n.to} ${dt(n.at)} ${n.reference ?? ""}`.trim()).join("\n"),
    ],
  ];
}

function terminalSummary(m: TReportPackageModel): string {
  const t = m.affectedTerminals;
  if (t.length === 0) return "";
  const count = (pred: (x: (typeof t)[number]) => boolean) => t.filter(pred).length;
  const roles = new Map<string, number>();
  for (const x of t) roles.set(x.role, (roles.get(x.role) ?? 0) + 1);
  const byRole = [...roles].map(([role, n]) => `${labelCode(TERMINAL_ROLES, role, "ja")} ${n}台`);
  return `計 ${t.length}台（${byRole.join("、")}）。暗号化 ${count((x) => x.encrypted === "yes")}台、隔離 ${count((x) => x.isolated === "yes")}台、電源断 ${count((x) => x.poweredOff === "yes")}台（一覧は「被害端末」シート）`;
}

/** KEV count with the first CVEs (affected ones first); the PDF appendix has them all. */
function kevText(d: TReportPackageModel["internetFacingDevices"][number]): string {
  if (d.kevMatches.length === 0) return "KEV該当なし";
  const sorted = [...d.kevMatches].sort(
    (a, b) => Number(b.verdict === "affected") - Number(a.verdict === "affected"),
  );
  const named = sorted
    .slice(0, 5)
    .map((k) => (k.verdict === "affected" ? `${k.cveId}（影響あり）` : k.cveId));
  return `KEV該当 ${d.kevMatches.length}件: ${named.join(", ")}${d.kevMatches.length > 5 ? " ほか" : ""}`;
}

function ransomwareRows(m: TReportPackageModel): TFormRow[] {
  const r = "ランサムウェア固有項目";
  return [
    [r, "ランサムノート", m.ransom.noteText ?? ""],
    [r, l.f.noteFile, m.ransom.noteFileName ?? ""],
    [r, "暗号化されたファイルの拡張子", m.ransom.encryptedExtension ?? ""],
    [r, "ランサムウェアの類型: 暗号化", v(m.ransom.encrypted)],
    [r, "ランサムウェアの類型: 漏えいの脅迫（リークサイト・SNS等）", v(m.ransom.leakThreatened)],
    [r, "ランサムウェアの類型: 金銭の要求", v(m.ransom.demanded)],
    [r, "要求額", m.ransom.amount ?? ""],
    [r, "支払期限", m.ransom.deadline ?? ""],
    [r, l.f.paid, v(m.ransom.paid)],
    [r, "侵入方法", [v(m.intrusion.method), m.intrusion.detail].filter(Boolean).join(": ")],
    [r, "被害端末", terminalSummary(m)],
    [
      r,
      "特徴（ハッシュ値・通信先IP・連絡先等）",
      attackIndicators(m)
        .map((i) => `${labelCode(INDICATOR_KINDS, i.kind, "ja")}: ${i.value}`)
        .join("\n"),
    ],
    [r, l.f.family, m.incident.familyName ?? ""],
    [
      r,
      "外部接続機器（パッチ・KEV）",
      m.internetFacingDevices
        .map(
          (d) =>
            `${d.name} ${[d.vendor, d.product, d.version].filter(Boolean).join(" ")} / ${v(d.patchState)} / ${kevText(d)}`,
        )
        .join("\n"),
    ],
  ];
}

function ddosRows(m: TReportPackageModel): TFormRow[] {
  const d = m.ddos;
  const s = "DDoS攻撃固有項目";
  const num = (n: number | undefined) => (n === undefined ? "" : String(n));
  return [
    [s, "攻撃の種類（MITRE ATT&CK T1498/T1499）", d ? v(d.attackType) : ""],
    [s, "最大通信量（Gbps）", num(d?.peakGbps)],
    [s, "最大パケット数（pps）", num(d?.peakPps)],
    [s, "継続時間（分）", num(d?.durationMinutes)],
    [s, "緩和策（実施した対策）", d?.mitigation ?? ""],
    [s, "影響", d?.impact ?? ""],
    [
      s,
      "攻撃元等（IPアドレス等）",
      attackIndicators(m)
        .map((i) => `${labelCode(INDICATOR_KINDS, i.kind, "ja")}: ${i.value}`)
        .join("\n"),
    ],
  ];
}

/** Every item of one common form, filled from the package (empty where the incident does not know it). */
export function buildCommonFormRows(m: TReportPackageModel, kind: TCommonFormKind): TFormRow[] {
  return [...reportRows(m), ...basicRows(m), ...(kind === "ransomware" ? ransomwareRows(m) : ddosRows(m))];
}

/** Items whose value differs from the previous send (what a follow-up report must show). */
export function diffFormRows(
  previous: readonly TFormRow[],
  next: readonly TFormRow[],
): { item: string; before: string; after: string }[] {
  // The report section itself changes with every send; the form's content is what is compared.
  const skip = new Set(["報告番号", "報告日", "第1報・続報・最終報"]);
  const before = new Map(previous.map(([section, label, value]) => [`${section}／${label}`, value]));
  return next
    .filter(([, label]) => !skip.has(label))
    .map(([section, label, value]) => ({
      item: `${section}／${label}`,
      before: before.get(`${section}／${label}`) ?? "",
      after: value,
    }))
    .filter((c) => c.before !== c.after)
    .map((c) => ({ ...c, before: c.before.slice(0, 5000), after: c.after.slice(0, 5000) }));
}
