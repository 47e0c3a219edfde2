import { createHash } from "node:crypto";

/** One feed line: a listed URL, or a change since a cursor. */
export type FeedEntry = {
  cursor: number;
  change: "added" | "withdrawn";
  canonical: string;
  sha256: string;
  host: string;
  category: string;
  brandId: string | null;
  reason: string | null;
  firstSeen: Date;
  at: Date;
};
export type FeedMeta = {
  feed: string;
  cursor: number;
  since: number | null;
  generatedAt: Date;
  mode: "full" | "changes" | "withdrawals";
};

/** Source and period are named in every file (a fact carries its source and data period). */
const header = (m: FeedMeta) =>
  `Sonae hub URL feed "${m.feed}" (${m.mode}); since=${m.since ?? "start"}; cursor=${m.cursor}; generated=${m.generatedAt.toISOString()}`;

/**
 * Plain list: the full feed is one URL per line; changes are "+<url>" / "-<url>" so a consumer
 * can apply them. Lines starting with "#" are comments. Attacker URLs contain no line breaks
 * (canonical form percent-escapes them), so one URL is one line.
 */
export function renderFeedText(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const lines = entries.map((e) =>
    meta.mode === "full" ? e.canonical : `${e.change === "added" ? "+" : "-"}${e.canonical}`,
  );
  return `# ${header(meta)}\n${lines.join("\n")}${lines.length ? "\n" : ""}`;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is neutralised for spreadsheets. */
function csvField(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderFeedCsv(_meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const rows = [["cursor", "change", "url", "host", "category", "brand", "reason", "at"].join(",")];
  for (const e of entries)
    rows.push(
      [e.cursor, e.change, e.canonical, e.host, e.category, e.brandId, e.reason, e.at.toISOString()]
        .map(csvField)
        .join(","),
    );
  return `${rows.join("\r\n")}\r\n`;
}

/** A stable STIX id per URL (from its SHA-256, shaped as a UUIDv5-like value) so a withdrawal revokes the same object. */
export function stixIdOf(sha256: string): string {
  const h = sha256.slice(0, 32).split("");
  h[12] = "5";
  h[16] = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join("");
  return `indicator--${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

const HUB_IDENTITY = `identity--${createHash("sha256")
  .update("sonae-hub")
  .digest("hex")
  .replace(/^(.{8})(.{4}).(.{3}).(.{3})(.{12}).*$/, "$1-$2-5$3-8$4-$5")}`;

/** STIX 2.1 patterns quote with ' and escape \ and ' (STIX 2.1 Part 5, constants). */
const patternString = (s: string) => s.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
const stixTime = (d: Date) => d.toISOString();

/** STIX 2.1 bundle of indicators; a withdrawn URL is the same indicator with revoked: true. */
export function renderFeedStix(meta: FeedMeta, entries: readonly FeedEntry[]): object {
  const identity = {
    type: "identity",
    spec_version: "2.1",
    id: HUB_IDENTITY,
    created: "2026-01-01T00:00:00.000Z",
    modified: "2026-01-01T00:00:00.000Z",
    name: "Sonae hub",
    identity_class: "organization",
  };
  const indicators = entries.map((e) => ({
    type: "indicator",
    spec_version: "2.1",
    id: stixIdOf(e.sha256),
    created_by_ref: HUB_IDENTITY,
    created: stixTime(e.firstSeen),
    modified: stixTime(new Date(Math.max(e.at.getTime(), e.firstSeen.getTime()))),
    name: `${e.category}: ${e.host}`,
    indicator_types: ["malicious-activity"],
    pattern: `[url:value = '${patternString(e.canonical)}']`,
    pattern_type: "stix",
    valid_from: stixTime(e.firstSeen),
    labels: [e.category, ...(e.brandId ? [`brand:${e.brandId}`] : [])],
    ...(e.change === "withdrawn" ? { revoked: true } : {}),
  }));
  const id = createHash("sha256")
    .update(`${header(meta)}`)
    .digest("hex");
  return {
    type: "bundle",
    id: `bundle--${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-8${id.slice(17, 20)}-${id.slice(20, 32)}`,
    objects: [identity, ...indicators],
  };
}
