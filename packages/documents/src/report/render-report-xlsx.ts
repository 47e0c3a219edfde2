import ExcelJS from "exceljs";
import { formatDateTime } from "../shared/format-date";
import { labelValue, REPORT_LABELS } from "./report-labels";
import { parseReportPackage, type TReportPackageModel } from "./report-model";

/**
 * Strings that a spreadsheet could read as a formula (OWASP "CSV injection": = + - @ tab CR) get a
 * leading apostrophe. exceljs already stores plain strings as text, but a user who copies the cell or
 * re-saves as CSV would otherwise carry a live formula from attacker-controlled text (ransom notes).
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Row = [section: string, label: string, value: string | undefined];

function buildRansomwareRows(m: TReportPackageModel): Row[] {
  const l = REPORT_LABELS.ja;
  const v = (x: Parameters<typeof labelValue>[1]) => labelValue(l, x);
  const dt = (iso: string | undefined) => (iso ? formatDateTime(iso, "ja") : undefined);
  const basic = "基本情報";
  const outline = "概要";
  const ransom = "ランサムウェア固有項目";
  return [
    [basic, l.f.orgName, m.organisation.name],
    [basic, l.f.prefecture, m.organisation.prefecture],
    [basic, l.f.industry, m.organisation.industry],
    [
      basic,
      l.f.contact,
      m.contactPerson.title ? `${m.contactPerson.name}（${m.contactPerson.title}）` : m.contactPerson.name,
    ],
    [basic, l.f.phone, m.contactPerson.phone],
    [basic, l.f.email, m.contactPerson.email],
    [basic, l.f.reachable24h, v(m.contactPerson.reachable24h)],
    [outline, l.f.title, m.incident.title],
    [outline, l.f.discoveredAt, dt(m.incident.discoveredAt)],
    [outline, l.f.firstAnomalyAt, dt(m.incident.firstAnomalyAt)],
    [outline, l.f.discoveredHow, m.incident.discoveredHow],
    [outline, "被害の概要（停止した業務・漏えいのおそれ）", m.incident.summary],
    [outline, "影響（顧客・業務・取引先）", m.incident.businessImpact],
    [outline, l.f.personalData, v(m.incident.personalDataInvolved)],
    [
      outline,
      "初動対応",
      m.actionsTaken.map((a) => (a.at ? `${dt(a.at)} ${a.action}` : a.action)).join("\n"),
    ],
    [
      outline,
      "他機関への届出",
      m.otherNotifications.map((n) => `${n.to} ${dt(n.at)} ${n.reference ?? ""}`.trim()).join("\n"),
    ],
    [ransom, "ランサムノート", m.ransom.noteText],
    [ransom, l.f.noteFile, m.ransom.noteFileName],
    [ransom, "暗号化されたファイルの拡張子", m.ransom.encryptedExtension],
    [ransom, "ランサムウェアの類型: 暗号化", v(m.ransom.encrypted)],
    [ransom, "ランサムウェアの類型: 漏えいの脅迫（リークサイト・SNS等）", v(m.ransom.leakThreatened)],
    [ransom, "ランサムウェアの類型: 金銭の要求", v(m.ransom.demanded)],
    [ransom, "侵入方法", [v(m.intrusion.method), m.intrusion.detail].filter(Boolean).join(": ")],
    [
      ransom,
      "特徴（ハッシュ値・通信先IP・連絡先等）",
      m.indicators.map((i) => `${i.kind}: ${i.value}`).join("\n"),
    ],
    [ransom, l.f.family, m.incident.familyName],
    [ransom, l.f.paid, v(m.ransom.paid)],
    [
      ransom,
      "外部接続機器（パッチ・KEV）",
      m.internetFacingDevices
        .map(
          (d) =>
            `${d.name} ${[d.vendor, d.product, d.version].filter(Boolean).join(" ")} / ${v(d.patchState)} / ${d.kevMatches.map((k) => k.cveId).join(", ") || "KEVなし"}`,
        )
        .join("\n"),
    ],
  ];
}

function addLabelledSheet(wb: ExcelJS.Workbook, name: string, note: string, rows: Row[]): void {
  const ws = wb.addWorksheet(name);
  ws.columns = [
    { header: "区分", key: "section", width: 22 },
    { header: "項目", key: "label", width: 44 },
    { header: "記入内容", key: "value", width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [section, label, value] of rows) {
    const row = ws.addRow([escapeFormula(section), escapeFormula(label), escapeFormula(value ?? "")]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  ws.addRow([]);
  ws.addRow(["注記", escapeFormula(note), ""]);
}

/**
 * Renders the fields of the common ransomware report form (ランサムウェア事案共通様式, accepted by
 * Japanese authorities since 2025-10-01) as labelled rows in an XLSX, plus an indicator sheet and, when
 * present, the DDoS form fields. Every cell is a plain string: no hyperlinks, no formulas.
 */
export async function renderReportXlsx(model: unknown): Promise<Buffer> {
  const m = parseReportPackage(model);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sonae";
  wb.created = new Date(m.generatedAt);
  wb.modified = new Date(m.generatedAt);
  const note = `${m.confidentiality}。項目は公開情報に基づく（公式様式の原本は未確認）。最初の報告は最小限でよく、後の報告で追記する。`;
  addLabelledSheet(wb, "ランサムウェア事案共通様式", note, buildRansomwareRows(m));
  const ind = wb.addWorksheet("特徴（インディケータ）");
  ind.columns = [
    { header: "種類", key: "kind", width: 10 },
    { header: "値", key: "value", width: 90 },
    { header: "備考", key: "note", width: 30 },
  ];
  for (const i of m.indicators) ind.addRow([i.kind, escapeFormula(i.value), escapeFormula(i.note ?? "")]);
  if (m.ddos) {
    const d = m.ddos;
    const s = "DDoS攻撃";
    addLabelledSheet(wb, "DDoS攻撃事案共通様式", note, [
      [s, "攻撃の種類（T1498/T1499）", d.attackType],
      [s, "最大通信量（Gbps）", d.peakGbps?.toString()],
      [s, "最大パケット数（pps）", d.peakPps?.toString()],
      [s, "継続時間（分）", d.durationMinutes?.toString()],
      [s, "緩和策", d.mitigation],
      [s, "影響", d.impact],
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
