import { parseJsonWithin, type TPassiveDnsRecord, ZPassiveDnsRecord } from "@sonae/core";
import { z } from "zod";

/**
 * Partner batches (issue 17 §1): JSON lines, CSV or a STIX 2.1 bundle, parsed into one item per
 * URL with its line number, so each line succeeds or fails on its own. Limits are checked before
 * any parsing: body size (route), lines, line length, JSON depth/elements (bundle).
 */
export const BATCH_LIMITS = { maxLines: 10_000, maxLineChars: 4096, maxBodyBytes: 5 * 1024 * 1024 };

export type BatchFormat = "jsonl" | "csv" | "stix";
export type BatchUrlItem = { line: number; url: string; brand?: string; ref?: string; seenAt?: Date };
export type BatchProblem = { line: number; code: string; message: { ja: string; en: string } };
export type ParsedBatch = {
  urls: BatchUrlItem[];
  passiveDns: (TPassiveDnsRecord & { line: number })[];
  problems: BatchProblem[];
};

const problem = (line: number, code: string, ja: string, en: string): BatchProblem => ({
  line,
  code,
  message: { ja, en },
});

/** The format from the Content-Type header; undefined → 415 at the route. */
export function batchFormatOf(contentType: string | undefined): BatchFormat | undefined {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/json-lines")
    return "jsonl";
  if (type === "text/csv") return "csv";
  if (type === "application/stix+json" || type === "application/json") return "stix";
  return undefined;
}

export function parseBatch(format: BatchFormat, body: string): ParsedBatch {
  if (format === "stix") return parseStixBundle(body);
  const lines = body.split(/\r?\n/);
  if (lines.length > BATCH_LIMITS.maxLines + 1)
    return {
      urls: [],
      passiveDns: [],
      problems: [
        problem(
          0,
          "TOO_MANY_LINES",
          `行数が上限(${BATCH_LIMITS.maxLines} 行)を超えています。分割して送ってください。`,
          `More than ${BATCH_LIMITS.maxLines} lines: split the batch.`,
        ),
      ],
    };
  return format === "jsonl" ? parseJsonLines(lines) : parseCsv(lines);
}

const ZJsonLineUrl = z.object({
  url: z.string().min(1).max(2048),
  brand: z.string().max(100).optional(),
  id: z.string().max(200).optional(),
  seen_at: z.coerce.date().optional(),
});

function tooLong(line: number): BatchProblem {
  return problem(
    line,
    "LINE_TOO_LONG",
    `行が長すぎます(${BATCH_LIMITS.maxLineChars} 文字まで)。`,
    `The line is longer than ${BATCH_LIMITS.maxLineChars} characters.`,
  );
}

/** One JSON object per line: a URL ({url, brand?, id?, seen_at?}) or a passive-DNS record (COF fields). */
function parseJsonLines(lines: string[]): ParsedBatch {
  const out: ParsedBatch = { urls: [], passiveDns: [], problems: [] };
  for (const [i, text] of lines.entries()) {
    const line = i + 1;
    if (!text.trim()) continue;
    if (text.length > BATCH_LIMITS.maxLineChars) {
      out.problems.push(tooLong(line));
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      out.problems.push(problem(line, "BAD_JSON", "JSON として読めません。", "Not valid JSON."));
      continue;
    }
    if (value && typeof value === "object" && "rrname" in value) {
      const dns = ZPassiveDnsRecord.safeParse(value);
      if (dns.success) out.passiveDns.push({ ...dns.data, line });
      else
        out.problems.push(
          problem(
            line,
            "BAD_PASSIVE_DNS",
            `パッシブDNSレコードの項目が不正です: ${dns.error.issues[0]?.path.join(".")}`,
            `Invalid passive-DNS record field: ${dns.error.issues[0]?.path.join(".")}`,
          ),
        );
      continue;
    }
    const url = ZJsonLineUrl.safeParse(value);
    if (!url.success) {
      out.problems.push(
        problem(
          line,
          "BAD_LINE",
          "url 項目(2048 文字まで)が必要です。",
          "A url field (up to 2048 characters) is required.",
        ),
      );
      continue;
    }
    out.urls.push({
      line,
      url: url.data.url,
      brand: url.data.brand,
      ref: url.data.id,
      seenAt: url.data.seen_at,
    });
  }
  return out;
}

/** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes; no multi-line fields). */
export function splitCsvLine(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let value = "";
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') break;
        else value += text[i++];
      }
      fields.push(value);
      i = text.indexOf(",", i);
      if (i < 0) break;
      i++;
    } else {
      const end = text.indexOf(",", i);
      fields.push(text.slice(i, end < 0 ? undefined : end));
      if (end < 0) break;
      i = end + 1;
    }
  }
  return fields;
}

/** CSV with a header row naming at least `url` (optional: brand, id, seen_at). */
function parseCsv(lines: string[]): ParsedBatch {
  const out: ParsedBatch = { urls: [], passiveDns: [], problems: [] };
  const header = splitCsvLine((lines[0] ?? "").replace(/^\uFEFF/, "")).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col("url") < 0) {
    out.problems.push(
      problem(
        1,
        "CSV_HEADER",
        "1 行目に url 列の見出しが必要です(任意: brand, id, seen_at)。",
        "The first line must be a header with a url column (optional: brand, id, seen_at).",
      ),
    );
    return out;
  }
  for (const [i, text] of lines.slice(1).entries()) {
    const line = i + 2;
    if (!text.trim()) continue;
    if (text.length > BATCH_LIMITS.maxLineChars) {
      out.problems.push(tooLong(line));
      continue;
    }
    const f = splitCsvLine(text);
    const url = f[col("url")]?.trim();
    if (!url) {
      out.problems.push(problem(line, "BAD_LINE", "url 列が空です。", "The url column is empty."));
      continue;
    }
    const seen = col("seen_at") >= 0 && f[col("seen_at")] ? new Date(f[col("seen_at")]!) : undefined;
    out.urls.push({
      line,
      url,
      brand: col("brand") >= 0 ? f[col("brand")]?.trim().slice(0, 100) || undefined : undefined,
      ref: col("id") >= 0 ? f[col("id")]?.trim().slice(0, 200) || undefined : undefined,
      seenAt: seen && !Number.isNaN(seen.getTime()) ? seen : undefined,
    });
  }
  return out;
}

/** Comparisons `url:value = '…'` in a STIX pattern (quotes escaped with a backslash, STIX 2.1 §9). */
const URL_COMPARISON = /url:value\s*=\s*'((?:[^'\\]|\\.){1,2048})'/g;

/** A STIX 2.1 bundle: every indicator whose pattern compares url:value; its line is the object's position. */
function parseStixBundle(body: string): ParsedBatch {
  const out: ParsedBatch = { urls: [], passiveDns: [], problems: [] };
  const bundle = parseJsonWithin(
    body,
    { maxBytes: BATCH_LIMITS.maxBodyBytes, maxDepth: 20, maxEntries: 200_000 },
    "bundle",
  );
  const parsed = z
    .object({
      type: z.literal("bundle"),
      objects: z.array(z.record(z.string(), z.unknown())).max(BATCH_LIMITS.maxLines),
    })
    .safeParse(bundle);
  if (!parsed.success) {
    out.problems.push(
      problem(
        0,
        "BAD_BUNDLE",
        `STIX 2.1 バンドル(type "bundle", objects ${BATCH_LIMITS.maxLines} 件まで)ではありません。`,
        `Not a STIX 2.1 bundle (type "bundle", at most ${BATCH_LIMITS.maxLines} objects).`,
      ),
    );
    return out;
  }
  for (const [i, object] of parsed.data.objects.entries()) {
    const line = i + 1;
    if (object.type !== "indicator") continue;
    const pattern = typeof object.pattern === "string" ? object.pattern : "";
    if (pattern.length > 20_000) {
      out.problems.push(tooLong(line));
      continue;
    }
    const found = [...pattern.matchAll(URL_COMPARISON)].map((m) => m[1]!.replace(/\\(.)/g, "$1"));
    if (found.length === 0) {
      out.problems.push(
        problem(
          line,
          "NO_URL_PATTERN",
          "この indicator には url:value の比較がありません。",
          "This indicator has no url:value comparison.",
        ),
      );
      continue;
    }
    const ref = typeof object.id === "string" ? object.id.slice(0, 200) : undefined;
    const validFrom = typeof object.valid_from === "string" ? new Date(object.valid_from) : undefined;
    for (const url of found)
      out.urls.push({
        line,
        url,
        ref,
        seenAt: validFrom && !Number.isNaN(validFrom.getTime()) ? validFrom : undefined,
      });
  }
  return out;
}
