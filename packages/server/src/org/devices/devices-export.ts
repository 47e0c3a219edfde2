import type { TDevice, TKevCatalogSummary } from "@sonae/core";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { DEVICE_COLUMNS } from "./devices-file-columns";

// CSV injection (OWASP): a cell starting with = + - @ tab or CR runs as a formula when Excel opens the file.
// A leading apostrophe makes Excel show it as text; the import removes that apostrophe again.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes one CSV cell inert for spreadsheets. */
export function escapeCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function kevHeader(catalog: TKevCatalogSummary) {
  return `KEV該当（CISA ${catalog.catalogVersion}）`;
}

function kevCell(device: TDevice): string {
  return device.kevMatches
    .filter((m) => m.versionVerdict !== "not-affected-by-version")
    .map((m) => m.cveID)
    .join(" ");
}

/**
 * The register as CSV: UTF-8 with a BOM (so Excel reads Japanese correctly), CRLF, every cell quoted when
 * needed and formula-escaped. Japanese headers; the KEV column is informative and ignored on import.
 */
export function renderDevicesCsv(devices: TDevice[], catalog: TKevCatalogSummary): Buffer {
  const header = [...DEVICE_COLUMNS.map((c) => c.ja), kevHeader(catalog)];
  const rows = devices.map((d) => [...DEVICE_COLUMNS.map((c) => c.format(d)), kevCell(d)].map(escapeCsvCell));
  const text = stringify([header, ...rows], { record_delimiter: "\r\n" });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

/** The register as an .xlsx workbook: one sheet, Japanese headers, every value a string (never a formula). */
export async function renderDevicesXlsx(devices: TDevice[], catalog: TKevCatalogSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sonae";
  const sheet = workbook.addWorksheet("機器台帳");
  sheet.addRow([...DEVICE_COLUMNS.map((c) => c.ja), kevHeader(catalog)]);
  sheet.getRow(1).font = { bold: true };
  for (const d of devices) sheet.addRow([...DEVICE_COLUMNS.map((c) => c.format(d)), kevCell(d)]);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
