/**
 * Lookups per second of findWarningListMatches over the shipped lists (content/warninglists), next to a
 * straightforward reference in the same run: every entry of every list compared one by one with the MISP
 * rule of its type (what MISP's PHP does for substring/regex lists, and a linear CIDR scan). Both must
 * agree on every value; the ratio shows what the index buys.
 *   npm run bench:warninglists [-- values=20000]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extractIndicators } from "../indicators/extract-indicators";
import type { TIndicatorKind } from "../indicators/indicator-kinds";
import { parseIpAddress } from "./cidr-ranges";
import { findWarningListMatches } from "./match-warning-list";
import { compileMispRegex } from "./misp-regex";
import { contentListIndex, SHARED_LISTS } from "./testing/content-lists";

const total = Number(process.argv[2] ?? 20_000);
const { index, lists } = contentListIndex();

// Real values: every indicator of the ransom-note collection, plus addresses spread over the IPv4 space.
const notesDir = path.join(SHARED_LISTS, "../ransomware/notes");
const values: { kind: TIndicatorKind; value: string }[] = [];
for (const family of readdirSync(notesDir, { withFileTypes: true }).filter((d) => d.isDirectory()))
  for (const file of readdirSync(path.join(notesDir, family.name)))
    for (const i of extractIndicators(readFileSync(path.join(notesDir, family.name, file), "utf8")))
      values.push({ kind: i.kind, value: i.value });
for (let i = 0; values.length < total; i++)
  values.push({ kind: "ipv4", value: [(i * 97) % 256, (i * 31) % 256, (i * 7) % 256, i % 256].join(".") });

function inCidr(entry: string, value: string): boolean {
  const [addr = "", bits] = entry.split("/");
  const a = parseIpAddress(addr);
  const v = parseIpAddress(value);
  if (!a || !v || a.family !== v.family) return false;
  const width = a.family === 4 ? 32 : 128;
  const shift = BigInt(width - Number(bits ?? width));
  return BigInt(a.n) >> shift === BigInt(v.n) >> shift;
}

const TYPES: Record<string, string[]> = {
  ipv4: ["ip-src", "ip-dst"],
  ipv6: ["ip-src", "ip-dst"],
  domain: ["domain", "hostname"],
  url: ["url"],
  md5: ["md5"],
  sha1: ["sha1"],
  sha256: ["sha256"],
  email: ["email-src", "email-dst"],
};

/** The reference: one list at a time, one entry at a time (direct value only, no URL-host judgement). */
function naive(kind: TIndicatorKind, value: string): number {
  let hits = 0;
  for (const l of lists) {
    const types = TYPES[kind];
    if (!types || (l.matching_attributes && !l.matching_attributes.some((t) => types.includes(t)))) continue;
    const v = value.toLowerCase();
    const hit = l.list.some((e) => {
      const entry = e.toLowerCase();
      if (l.type === "string") return v === entry;
      if (l.type === "substring") return v.includes(entry);
      if (l.type === "hostname") return kind === "domain" && (v === entry || v.endsWith(`.${entry}`));
      if (l.type === "cidr") return (kind === "ipv4" || kind === "ipv6") && inCidr(e, value);
      return compileMispRegex(e)?.test(value) ?? false;
    });
    if (hit) hits++;
  }
  return hits;
}

const direct = values.filter((v) => v.kind !== "url");
const t0 = performance.now();
let indexed = 0;
for (const { kind, value } of direct) indexed += findWarningListMatches(index, kind, value).length;
const indexedMs = performance.now() - t0;
const sample = direct.filter((_, i) => i % 400 === 0);
const t1 = performance.now();
let reference = 0;
for (const { kind, value } of sample) reference += naive(kind, value);
const naiveMs = ((performance.now() - t1) / sample.length) * direct.length;
const check = sample.reduce((n, { kind, value }) => n + findWarningListMatches(index, kind, value).length, 0);

console.log(`values: ${direct.length} (reference timed on ${sample.length}, scaled)`);
console.log(`indexed:   ${(direct.length / (indexedMs / 1000)).toFixed(0)} lookups/s (${indexed} matches)`);
console.log(`reference: ${(direct.length / (naiveMs / 1000)).toFixed(0)} lookups/s`);
console.log(
  `speed-up:  ${(naiveMs / indexedMs).toFixed(0)}×; matches on the sample: indexed ${check}, reference ${reference}`,
);
