import { neutraliseSpreadsheetCell, type TDevice, type TKevCatalogSummary } from "@sonae/core";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { DEVICE_COLUMNS } from "./devices-file-columns";

function kevHeaders(catalog: TKevCatalogSummary) {
  return [
    `KEV該当（CISA ${catalog.catalogVersion}、NVD ${catalog.nvd.retrieved}）`,
    `KEV要確認（CISA ${catalog.catalogVersion}）`,
  ];
}

/** Affected CVEs (with the fixed version) and unknown CVEs; not-affected entries are not listed. */
function kevCells(device: TDevice): string[] {
  const affected = device.kevMatches
    .filter((m) => m.versionVerdict === "affected")
    .map((m) => (m.fixedVersion ? `${m.cveID}（修正版 ${m.fixedVersion}）` : m.cveID));
  const unknown = device.kevMatches.filter((m) => m.versionVerdict === "version-unknown").map((m) => m.cveID);
  return [affected.join(" "), unknown.join(" ")];
}

/**
 * One exported row, every cell made inert for spreadsheets (CSV injection, OWASP): a leading apostrophe, which
 * the import removes again. XLSX cells get it too, because a sheet saved again as CSV would lose the cell type.
 */
function exportRow(device: TDevice): string[] {
  return [...DEVICE_COLUMNS.map((c) => c.format(device)), ...kevCells(device)].map(neutraliseSpreadsheetCell);
}

/**
 * The register as CSV: UTF-8 with a BOM (so Excel reads Japanese correctly), CRLF, every cell quoted when
 * needed and formula-escaped. Japanese headers; the KEV column is informative and ignored on import.
 */
export function renderDevicesCsv(devices: TDevice[], catalog: TKevCatalogSummary): Buffer {
  const header = [...DEVICE_COLUMNS.map((c) => c.ja), ...kevHeaders(catalog)];
  const rows = devices.map(exportRow);
  const text = stringify([header, ...rows], { record_delimiter: "\r\n" });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

/** The register as an .xlsx workbook: one sheet, Japanese headers, every value a string (never a formula). */
export async function renderDevicesXlsx(devices: TDevice[], catalog: TKevCatalogSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sonae";
  const sheet = workbook.addWorksheet("機器台帳");
  sheet.addRow([...DEVICE_COLUMNS.map((c) => c.ja), ...kevHeaders(catalog)]);
  sheet.getRow(1).font = { bold: true };
  for (const d of devices) sheet.addRow(exportRow(d));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
