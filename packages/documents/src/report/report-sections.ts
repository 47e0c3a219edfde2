import type { TLang } from "../plan/plan-model";
import { createTable, type TBlock, type TTableColumn } from "../shared/document-blocks";
import { formatDateTime } from "../shared/format-date";
import { labelValue, type TReportLabels, type TValueKey } from "./report-labels";

/** A numbered section of the report: the builder numbers sections in order, so numbers never skip. */
export interface TSection {
  title: string;
  blocks: TBlock[];
}

/**
 * What every section builder gets: the labels and language, and the appendix, which receives the
 * full version of any list too long for the body (the body keeps the first rows and says where the rest is).
 */
export class ReportContext {
  readonly appendix: TSection[] = [];
  constructor(
    readonly l: TReportLabels,
    readonly lang: TLang,
  ) {}

  v(value: TValueKey | boolean): string {
    return labelValue(this.l, value);
  }

  dt(iso: string | undefined): string | undefined {
    return iso ? formatDateTime(iso, this.lang) : undefined;
  }

  /** "A", "B", … for the next appendix entry. */
  private nextAppendixRef(): string {
    return String.fromCharCode(65 + this.appendix.length);
  }

  /**
   * A table of `rows`; past `limit` rows the body shows the first `limit` and a line pointing to the
   * appendix, which gets every row under `title`.
   */
  table(title: string, columns: TTableColumn[], rows: string[][], limit = 15): TBlock[] {
    if (rows.length <= limit) return [createTable(columns, rows)];
    const ref = this.nextAppendixRef();
    this.appendix.push({
      title: `${this.l.s.appendix} ${ref}: ${title}${paren(this.lang, this.l.f.fullList.replace("{n}", String(rows.length)))}`,
      blocks: [createTable(columns, rows)],
    });
    const more = this.l.f.more.replace("{n}", String(rows.length - limit)).replace("{ref}", ref);
    const body = limit > 0 ? [createTable(columns, rows.slice(0, limit))] : [];
    return [...body, { type: "paragraph", text: more, tone: "muted" }];
  }

  /** A two-column item/value table; rows whose value is absent are left out. */
  keyValues(rows: [string, string | undefined][]): TBlock {
    return createTable(
      [
        { label: this.l.f.label, weight: 2 },
        { label: this.l.f.value, weight: 5 },
      ],
      rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== ""),
    );
  }
}

/** A parenthetical in the document's own typography: full-width in Japanese, spaced in English. */
export function paren(lang: TLang, text: string): string {
  return lang === "ja" ? `（${text}）` : ` (${text})`;
}

/** Shortens a long cell for the body; the full text is in the appendix or the JSON package. */
export function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Bytes as people read them (KB/MB/GB, base 1024), with the exact count for hashes to be checked against. */
export function formatBytes(bytes: number, lang: TLang): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const exact =
    lang === "ja" ? `${bytes.toLocaleString("ja-JP")} バイト` : `${bytes.toLocaleString("en-GB")} bytes`;
  return unit === 0 ? exact : `${value.toFixed(1)} ${units[unit]}${paren(lang, exact)}`;
}
