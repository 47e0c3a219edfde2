/**
 * CSV/formula injection (OWASP "CSV Injection"): a cell that Excel, LibreOffice or Google Sheets would run as
 * a formula. The triggers are a leading "=", "+", "-", "@" after any spaces or line breaks (spreadsheets
 * trim them, and so does Sonae's import), and a leading tab or carriage return. A plain negative number
 * ("-1", "-0.5") or a lone "-" is data; "-2+3+cmd|' /C calc'!A0" and "-1+1|cmd" are formulas.
 */
const PLAIN_NEGATIVE = /^-(?:\d[\d,]*(?:\.\d+)?)?$/;

/** True when a spreadsheet would evaluate this text as a formula. */
export function isSpreadsheetFormula(value: string): boolean {
  if (value.startsWith("\t") || value.startsWith("\r")) return true;
  const trimmed = value.replace(/^[\s\u3000]+/, "");
  const first = trimmed[0];
  if (first === "=" || first === "+" || first === "@") return true;
  return first === "-" && !PLAIN_NEGATIVE.test(trimmed.trimEnd());
}

/** Makes a cell inert for spreadsheets on export: a leading apostrophe shows it as text. */
export function neutraliseSpreadsheetCell(value: string): string {
  return isSpreadsheetFormula(value) ? `'${value}` : value;
}

/** Undoes {@link neutraliseSpreadsheetCell} on import: "'=x" (our own escape) is the text "=x". */
export function unescapeSpreadsheetCell(value: string): string {
  return value.startsWith("'") && isSpreadsheetFormula(value.slice(1)) ? value.slice(1) : value;
}
