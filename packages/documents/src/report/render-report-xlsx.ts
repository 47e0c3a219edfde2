import ExcelJS from "exceljs";
import { formatDateTime } from "../shared/format-date";
import { buildCommonFormRows, commonFormsOf, type TFormRow } from "./common-form-rows";
import { INDICATOR_KINDS, labelCode, TERMINAL_ROLES } from "./report-codes";
import { labelValue, REPORT_LABELS } from "./report-labels";
import { parseReportPackage, type TReportPackageModel } from "./report-model";
import { attackIndicators } from "./report-sections-attack";

/**
 * Strings that a spreadsheet could read as a formula (OWASP "CSV injection": = + - @ tab CR) get a
 * leading apostrophe. exceljs already stores plain strings as text, but a user who copies the cell or
 * re-saves as CSV would otherwise carry a live formula from attacker-controlled text (ransom notes).
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const SHEET_NAMES = { ransomware: "ランサムウェア事案共通様式", ddos: "DDoS攻撃事案共通様式" } as const;
const l = REPORT_LABELS.ja;

function addTable(wb: ExcelJS.Workbook, name: string, columns: [string, number][], rows: string[][]) {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of rows) ws.addRow(r.map(escapeFormula)).alignment = { wrapText: true, vertical: "top" };
  return ws;
}

/** The form as labelled rows; in a follow-up the items that changed since the last send are marked. */
function addFormSheet(
  wb: ExcelJS.Workbook,
  m: TReportPackageModel,
  name: string,
  rows: TFormRow[],
  note: string,
) {
  const changed = new Set((m.commonForm?.changes ?? []).map((c) => c.item));
  const ws = addTable(
    wb,
    name,
    [
      ["区分", 22],
      ["項目", 44],
      ["記入内容", 90],
      ["前回からの変更", 14],
    ],
    rows.map(([section, label, value]) => [
      section,
      label,
      value,
      changed.has(`${section}／${label}`) ? "変更あり" : "",
    ]),
  );
  ws.addRow([]);
  ws.addRow(["注記", escapeFormula(note), "", ""]);
}

/**
 * Renders the common report forms (共通様式, accepted by Japanese authorities since 2025-10-01): the
 * ransomware form and/or the DDoS form as labelled rows, the affected terminals, the timeline, the
 * indicators (warning-list values excluded) and, for a follow-up, what changed since the last send.
 * Every cell is a plain string: no hyperlinks, no formulas.
 */
export async function renderReportXlsx(model: unknown): Promise<Buffer> {
  const m = parseReportPackage(model);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sonae";
  wb.created = new Date(m.generatedAt);
  wb.modified = new Date(m.generatedAt);
  const note = `${m.confidentiality}。項目は公開情報に基づく（公式様式の原本は未確認）。最初の報告は最小限でよく、後の報告で追記する。`;
  for (const kind of commonFormsOf(m))
    addFormSheet(wb, m, SHEET_NAMES[kind], buildCommonFormRows(m, kind), note);
  const v = (x: Parameters<typeof labelValue>[1]) => labelValue(l, x);
  const dt = (iso: string | undefined) => (iso ? formatDateTime(iso, "ja") : "");
  if (m.affectedTerminals.length > 0) {
    addTable(
      wb,
      "被害端末",
      [
        [l.f.name, 24],
        [l.f.account, 18],
        [l.f.role, 18],
        [l.f.os, 20],
        [l.f.encrypted, 10],
        [l.f.symptoms, 50],
        [l.f.isolated, 10],
        [l.f.isolatedAt, 24],
        [l.f.poweredOff, 10],
      ],
      m.affectedTerminals.map((t) => [
        t.name,
        t.account ?? "",
        labelCode(TERMINAL_ROLES, t.role, "ja"),
        t.os ?? "",
        v(t.encrypted),
        t.symptoms ?? "",
        v(t.isolated),
        dt(t.isolatedAt),
        v(t.poweredOff),
      ]),
    );
  }
  addTable(
    wb,
    "経緯",
    [
      [l.f.at, 28],
      [l.f.event, 90],
    ],
    [...m.timeline].sort((a, b) => a.at.localeCompare(b.at)).map((t) => [dt(t.at), t.event]),
  );
  addTable(
    wb,
    "特徴（インディケータ）",
    [
      ["種類", 22],
      ["値", 90],
      ["備考", 30],
    ],
    attackIndicators(m).map((i) => [labelCode(INDICATOR_KINDS, i.kind, "ja"), i.value, i.note ?? ""]),
  );
  if (m.commonForm && m.commonForm.changes.length > 0) {
    addTable(
      wb,
      "前回報告からの変更点",
      [
        ["項目", 50],
        ["前回", 60],
        ["今回", 60],
      ],
      m.commonForm.changes.map((c) => [c.item, c.before, c.after]),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
