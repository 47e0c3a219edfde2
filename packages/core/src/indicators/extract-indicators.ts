import { isValidBtcAddress, isValidXmrAddress } from "./crypto-address";
import type { TIndicatorKind, TIndicatorOffset } from "./indicator-kinds";
import { isValidDomain, isValidOnion, parseIpv4, parseIpv6 } from "./network-address";
import { normaliseIndicator, validateIndicator } from "./normalise-indicator";
import { refangText } from "./refang";
import { isValidToxId } from "./tox-id";

/** One indicator found in a text, with every place it occurs. */
export interface Indicator {
  kind: TIndicatorKind;
  /** Normalised value (see normaliseIndicator). Attacker data: display as inert text, never as a link. */
  value: string;
  /** Offsets in the ORIGINAL text (UTF-16 units, end exclusive), in order of appearance. */
  offsets: TIndicatorOffset[];
  /** True when at least one occurrence was written defanged ("hxxp", "[.]", "[@]") or in full-width characters. */
  defanged: boolean;
}

type Candidate = { kind: TIndicatorKind; start: number; end: number; raw: string };

// Boundaries: an indicator may not continue a longer run of the same characters (a 32-hex run inside a
// 64-hex run is not an MD5; "1.2.3.4" inside "1.2.3.4.5" is not an IP).
const PATTERNS: [TIndicatorKind | "hex" | "btc58" | "bech32", RegExp][] = [
  // URLs stop at CJK text: in Japanese prose the URL is followed directly by a particle ("…/pathを参照").
  [
    "url",
    /\b(?:https?|s?ftp):\/\/(?:\[[0-9a-f:.]+\]|[^\s<>"'`{}|\\^[\]\u3000-\u9fff\uff00-\uffef])[^\s<>"'`{}|\\^\u3000-\u9fff\uff00-\uffef]*/gi,
  ],
  [
    "email",
    /(?<![\w.%+-])[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/gi,
  ],
  // Onion names are found from their ".onion" suffix backwards (see findOnions): a forward regex for them
  // backtracks at every letter of the text.
  ["onion", /\.onion(?![\w-])/gi],
  ["domain", /(?<![\w@.%+-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-]|@|\.[a-z0-9])/gi],
  ["ipv4", /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g],
  ["ipv6", /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\w:])/gi],
  ["hex", /(?<![0-9a-z])[0-9a-f]{32,}(?![0-9a-z])/gi],
  ["eth", /(?<![0-9a-z])0x[0-9a-f]{40}(?![0-9a-z])/gi],
  ["btc58", /(?<![0-9a-zA-Z])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![0-9a-zA-Z])/g],
  ["bech32", /(?<![0-9a-z])bc1[02-9ac-hj-np-z]{8,87}(?![0-9a-z])/gi],
  ["xmr", /(?<![0-9a-zA-Z])[48][1-9A-HJ-NP-Za-km-z]{94}(?:[1-9A-HJ-NP-Za-km-z]{11})?(?![0-9a-zA-Z])/g],
];

const HEX_KINDS: Record<number, TIndicatorKind> = { 32: "md5", 40: "sha1", 64: "sha256", 76: "tox" };

/** URLs end at whitespace, but trailing punctuation usually belongs to the sentence ("see http://x.com)."). */
function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?'"*]+$/, "");
  while (/[)\]}>]$/.test(out)) {
    const close = out.at(-1)!;
    const open = { ")": "(", "]": "[", "}": "{", ">": "<" }[close]!;
    if (out.split(open).length >= out.split(close).length) break; // balanced: part of the URL (Wikipedia style)
    out = out.slice(0, -1).replace(/[.,;:!?'"*]+$/, "");
  }
  return out;
}

const ONION_NAME = /^(?:[a-z0-9-]+\.)*(?:[a-z2-7]{56}|[a-z2-7]{16})\.onion$/i;

/** The onion host ending at `suffixAt` (the "." of ".onion"), with any subdomains; null if there is none. */
function onionBefore(text: string, suffixAt: number): { start: number; raw: string } | null {
  let start = suffixAt;
  while (start > 0 && /[a-z0-9.-]/i.test(text[start - 1]!)) start--;
  if (start > 0 && text[start - 1] === "_") return null;
  let raw = text.slice(start, suffixAt + 6);
  while (!ONION_NAME.test(raw)) {
    const dot = raw.indexOf(".");
    if (dot < 0 || dot >= raw.length - 6) return null;
    start += dot + 1;
    raw = raw.slice(dot + 1);
  }
  return { start, raw };
}

/** A version string ("v1.2.3.4", "version 10.0.0.1") is not an IP address even when each part is ≤ 255. */
function isVersionContext(text: string, start: number): boolean {
  return /(?:\bv|\bver\.?|version|バージョン|ver)\s*$/i.test(text.slice(Math.max(0, start - 10), start));
}

/**
 * Prose that only looks like a domain: a sentence boundary without a space ("just in case.It will"), or a
 * numbered step ("2.Do not rename", "1.Download Tor"). Real hosts are written in one case.
 */
function isProseDomain(raw: string): boolean {
  const labels = raw.split(".");
  const tld = labels[labels.length - 1]!;
  if (/^[A-Z][a-z]+$/.test(tld) && /[a-z]/.test(labels[labels.length - 2]!)) return true;
  return labels.length === 2 && /^\d{1,2}$/.test(labels[0]!);
}

function classify(
  kind: (typeof PATTERNS)[number][0],
  raw: string,
  text: string,
  start: number,
): TIndicatorKind | null {
  switch (kind) {
    case "hex": {
      const hexKind = HEX_KINDS[raw.length];
      // All digits is a number, all letters is a word; real digests mix both.
      if (!hexKind || /^\d+$/.test(raw) || /^[a-f]+$/i.test(raw)) return null;
      return hexKind === "tox" && !isValidToxId(raw) ? null : hexKind;
    }
    case "btc58":
    case "bech32":
      return isValidBtcAddress(raw) ? "btc" : null;
    case "xmr":
      return isValidXmrAddress(raw) ? "xmr" : null;
    case "ipv4":
      return parseIpv4(raw) && !isVersionContext(text, start) ? "ipv4" : null;
    case "ipv6":
      return /[0-9a-f]/i.test(raw) && raw.length >= 3 && parseIpv6(raw) ? "ipv6" : null;
    case "domain":
      return isValidDomain(raw.toLowerCase()) && !isProseDomain(raw) ? "domain" : null;
    case "onion":
      return isValidOnion(raw.toLowerCase()) ? "onion" : null;
    default:
      return validateIndicator(kind, raw) ? kind : null;
  }
}

/**
 * Finds indicators (IPs, domains, URLs, hashes, e-mail, wallets, onion and Tox IDs) in free text such as a
 * ransom note or an incident description. Defanged forms are recognised and normalised; each distinct
 * value appears once with all its offsets. Hosts of URLs are also reported as domain/IP/onion indicators;
 * the domains of e-mail addresses are not (mail providers are not attacker infrastructure).
 */
export function extractIndicators(input: string): Indicator[] {
  const refanged = refangText(input);
  const { text } = refanged;
  const found: Candidate[] = [];
  for (const [kind, pattern] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const hit = kind === "onion" ? onionBefore(text, m.index) : { start: m.index, raw: m[0] };
      if (!hit) continue;
      const raw = kind === "url" ? trimUrl(hit.raw) : hit.raw;
      const real = classify(kind, raw, text, hit.start);
      if (real) found.push({ kind: real, start: hit.start, end: hit.start + raw.length, raw });
    }
  }
  const byKey = new Map<string, Indicator>();
  for (const c of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const value = normaliseIndicator(c.kind, c.raw);
    const span = { start: refanged.originalStart(c.start), end: refanged.originalEnd(c.end - 1) };
    const defanged = input.slice(span.start, span.end) !== c.raw;
    const key = `${c.kind}\u0000${value}`;
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, { kind: c.kind, value, offsets: [span], defanged });
    } else if (!existing.offsets.some((o) => o.start === span.start)) {
      existing.offsets.push(span);
      existing.defanged ||= defanged;
    }
  }
  return [...byKey.values()];
}
