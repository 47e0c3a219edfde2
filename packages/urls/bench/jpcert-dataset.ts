import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * JPCERT/CC phishurl-list (test and benchmark data only: read at run time from ../shared, never copied
 * into the repository or used to build shipped data). Cite "JPCERT/CC phishurl-list" with any figure.
 */
export const JPCERT_DIR = path.resolve(
  import.meta.dirname,
  "../../../../shared/data/phishing/jpcert-phishurl",
);
export const WARNING_LISTS_DIR = path.resolve(
  import.meta.dirname,
  "../../../../shared/data/warninglists/lists",
);

export interface JpcertRow {
  /** YYYYMM of the file the row is in. */
  month: string;
  url: string;
  /** The spoofed brand as JPCERT/CC wrote it (Japanese or English), "" when missing. */
  brand: string;
}

/** Longest line read; longer ones are skipped (the dataset's longest URL is far below this). */
const MAX_LINE = 16 * 1024;

/** RFC 4180 fields of one line (quotes, doubled quotes); the dataset has no multi-line fields. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** Every row of every monthly file, oldest month first. Throws when the shared data is not there. */
export function readJpcertRows(dir = JPCERT_DIR): JpcertRow[] {
  if (!existsSync(dir))
    throw new Error(`JPCERT/CC phishurl-list not found at ${dir} (expected in ../shared/data)`);
  const rows: JpcertRow[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /^\d{4}[/\\]\d{6}\.csv$/.test(f))
    .sort();
  for (const file of files) {
    const month = path.basename(file, ".csv");
    const lines = readFileSync(path.join(dir, file), "utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/);
    for (const line of lines.slice(1)) {
      if (!line || line.length > MAX_LINE) continue;
      const [, url, brand] = splitCsvLine(line);
      if (url) rows.push({ month, url, brand: (brand ?? "").trim() });
    }
  }
  return rows;
}

/** Values of one MISP list from the full staged snapshot (not only the shipped selection). */
export function readSharedWarningList(name: string): { values: string[]; version: string } {
  const list = JSON.parse(readFileSync(path.join(WARNING_LISTS_DIR, name, "list.json"), "utf8")) as {
    list: string[];
    version: number;
  };
  return { values: list.list, version: String(list.version) };
}
