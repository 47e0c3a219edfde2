import type { TIndicatorKind } from "../indicators/indicator-kinds";
import { splitUrl } from "../indicators/normalise-indicator";
import { embeddedIpv4, type IpAddress, parseIpAddress } from "./cidr-ranges";
import type { WarningListIndex } from "./compile-warning-lists";
import { MAX_REGEX_SUBJECT } from "./misp-regex";
import type { TWarningListMatch } from "./warning-list-contracts";

/** The MISP attribute types a Sonae indicator kind stands for (a list applies when it names one). */
const MISP_TYPES: Record<TIndicatorKind, readonly string[]> = {
  ipv4: ["ip-src", "ip-dst"],
  ipv6: ["ip-src", "ip-dst"],
  domain: ["domain", "hostname"],
  url: ["url"],
  md5: ["md5"],
  sha1: ["sha1"],
  sha256: ["sha256"],
  email: ["email-src", "email-dst"],
  // Wallets, onion services and Tox IDs belong to one actor: no list can make them context.
  btc: [],
  xmr: [],
  eth: [],
  onion: [],
  tox: [],
};

type Found = Map<number, string>;

function applies(index: WarningListIndex, list: number, types: readonly string[]): boolean {
  const attributes = index.labels[list]!.attributes;
  return attributes === null || types.some((t) => attributes.has(t));
}

function note(found: Found, list: number, entry: string) {
  if (!found.has(list)) found.set(list, entry);
}

function matchAddress(index: WarningListIndex, types: readonly string[], address: IpAddress, found: Found) {
  for (const { list, ranges } of index.cidrs) {
    if (!applies(index, list, types)) continue;
    const entry = ranges.find(address);
    if (entry) note(found, list, entry);
  }
}

/** MISP hostname semantics: the host or any parent domain is on the list ("www.torproject.org" → "torproject.org"). */
function matchHost(index: WarningListIndex, types: readonly string[], host: string, found: Found) {
  const labels = host.replace(/\.+$/, "").split(".");
  let suffix = "";
  for (let i = labels.length - 1; i >= 0; i--) {
    suffix = suffix ? `${labels[i]}.${suffix}` : labels[i]!;
    for (const list of index.hostnames.get(suffix) ?? [])
      if (applies(index, list, types)) note(found, list, suffix);
  }
}

function matchText(index: WarningListIndex, types: readonly string[], subject: string, found: Found) {
  const lower = subject.toLowerCase();
  for (const list of index.exact.get(lower) ?? []) if (applies(index, list, types)) note(found, list, lower);
  for (const { list, needle } of index.substrings)
    if (applies(index, list, types) && lower.includes(needle)) note(found, list, needle);
  if (subject.length <= MAX_REGEX_SUBJECT)
    for (const { list, entry, re } of index.regexes)
      if (applies(index, list, types) && re.test(subject)) note(found, list, entry);
}

function matchIp(index: WarningListIndex, types: readonly string[], text: string, found: Found) {
  const address = parseIpAddress(text);
  if (!address) return false;
  matchAddress(index, types, address, found);
  const v4 = embeddedIpv4(address);
  if (v4) matchAddress(index, types, v4, found);
  return true;
}

/**
 * Every shipped list a normalised indicator is on, in list order (empty: it is an indicator). Each list
 * is compared the way MISP defines its type. A URL is also judged by its host, as a domain or address
 * would be: a link to a public resolver or a CDN edge is as shared as the host itself.
 */
export function findWarningListMatches(
  index: WarningListIndex,
  kind: TIndicatorKind,
  value: string,
): TWarningListMatch[] {
  const types = MISP_TYPES[kind];
  if (!types.length) return [];
  const found: Found = new Map();
  matchText(index, types, value, found);
  if (kind === "ipv4" || kind === "ipv6") matchIp(index, types, value, found);
  if (kind === "domain") matchHost(index, types, value, found);
  if (kind === "url") {
    const host =
      splitUrl(value)
        ?.host.replace(/^\[|\]$/g, "")
        .toLowerCase() ?? "";
    if (host) {
      matchHost(index, types, host, found);
      if (!matchIp(index, MISP_TYPES.ipv4, host, found)) {
        matchText(index, MISP_TYPES.domain, host, found);
        matchHost(index, MISP_TYPES.domain, host, found);
      }
    }
  }
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([list, entry]) => {
      const { attributes: _, ...label } = index.labels[list]!;
      return { ...label, entry };
    });
}
