import { createHash } from "node:crypto";
import { findWarningListMatches, refangValue, type WarningListIndex } from "@sonae/core";
import { getDomain } from "tldts";
import { canonicaliseUrl } from "./canonicalise-url";
import { analyseHostScripts } from "./idn-analysis";
import { NORMALISE_ERRORS } from "./normalise-messages";
import { shippedWarningListIndex } from "./shipped-warning-lists";
import type { NormalisedUrl, NormaliseErrorCode, NormaliseResult, UrlFlag } from "./url-contracts";

/** Longest input taken (bytes of UTF-16 text, checked before any parsing). */
export const MAX_URL_INPUT = 8 * 1024;

const SCHEMES = new Set(["http", "https", "ftp"]);
const DEFAULT_PORTS: Record<string, string> = { http: "80", https: "443", ftp: "21" };
/** A public DNS name: dot-separated labels of letters, digits, "-" and "_" (ASCII after punycode). */
export const HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/;
/** "mailto:", "javascript:", "data:": a scheme without "//" (but not "host:8080", which is a port). */
export const OPAQUE_SCHEME = /^[a-z][a-z0-9+.-]{0,31}:(?!\/\/|\d)/i;
/**
 * A mistyped or clipped web scheme: "ttps://" and "tp://" (letters dropped on purpose so mail clients do not
 * link them, common in Japan), "hhttps://", "htps://", "https:///" (typos in reports). Bounded counts: linear.
 */
export const SCHEME_TYPO = /^h{0,2}t{1,3}p{1,2}(s?):\/{1,4}/i;
/** Zero-width characters and the byte-order mark, pasted along with a URL or inserted to break matching. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

function fail(code: NormaliseErrorCode): NormaliseResult {
  return { ok: false, error: { code, message: NORMALISE_ERRORS[code] } };
}

/** Undoes defanging ("hxxps://evil[.]example", "ttps://", full-width "：／／"): core's refang, scheme typos, invisibles. */
function refangUrl(input: string): string {
  const refanged = refangValue(input.replace(INVISIBLE, ""));
  const typo = refanged.match(SCHEME_TYPO);
  if (!typo) return refanged;
  return `http${typo[1]!.toLowerCase()}://${refanged.slice(typo[0].length)}`;
}

/** Hosts remembered per list index; cleared when full (the same host comes back with many paths). */
const CONTEXT_CACHE_SIZE = 50_000;
const contextCache = new WeakMap<WarningListIndex, Map<string, NormalisedUrl["context"]>>();

/**
 * The warning lists the host (or its parent domains) or the IP is on, through core's matcher, judged as a
 * domain or an address is — which is what makes a URL's host context. Cached per host.
 */
function hostContext(index: WarningListIndex, host: string, ip: string | null): NormalisedUrl["context"] {
  let cache = contextCache.get(index);
  if (!cache) {
    cache = new Map();
    contextCache.set(index, cache);
  }
  const hit = cache.get(host);
  if (hit) return hit.map((c) => ({ ...c })); // a copy: callers may change theirs
  const kind = ip === null ? "domain" : ip.includes(":") ? "ipv6" : "ipv4";
  const context = findWarningListMatches(index, kind, ip ?? host).map((m) => ({
    listId: m.listId,
    listName: m.name.ja,
  }));
  if (cache.size >= CONTEXT_CACHE_SIZE) cache.clear();
  cache.set(host, context);
  return context;
}

export interface NormaliseOptions {
  /** Warning lists to give context from; defaults to the shipped lists in content/warninglists. */
  warningLists?: WarningListIndex;
}

/**
 * A URL as reported (pasted, defanged, IDN, with port or userinfo) → one canonical record: the Safe
 * Browsing canonical form and its SHA-256 (dedup key), host in ASCII and Unicode, registrable domain, flags,
 * and the warning lists that make the host context rather than an indicator.
 */
export function normaliseReportedUrl(raw: string, options: NormaliseOptions = {}): NormaliseResult {
  if (raw.length > MAX_URL_INPUT) return fail("too_long");
  const input = raw.trim();
  if (!input) return fail("empty");
  const refanged = refangUrl(input);
  if (OPAQUE_SCHEME.test(refanged)) return fail("unsupported_scheme");
  const canonical = canonicaliseUrl(refanged);
  if (canonical === "no_host") return fail("no_host");
  if (canonical === "bad_scheme") return fail("unsupported_scheme");
  if (!SCHEMES.has(canonical.scheme)) return fail("unsupported_scheme");
  // 253 characters is the most a DNS name can have (RFC 1035 §2.3.4, without the final dot).
  if (!canonical.ip && (canonical.host.length > 253 || !HOST_NAME.test(canonical.host)))
    return fail("invalid_host");

  const scripts = analyseHostScripts(canonical.host);
  const flags: UrlFlag[] = [];
  if (refanged !== input) flags.push("defanged");
  if (scripts.isIdn) flags.push("idn");
  if (scripts.isMixedScript) flags.push("mixed_script");
  if (scripts.isConfusable) flags.push("confusable");
  if (canonical.ip) flags.push("ip_host");
  if (canonical.port && canonical.port !== DEFAULT_PORTS[canonical.scheme]) flags.push("nonstandard_port");
  if (canonical.hasUserinfo) flags.push("userinfo");

  const context = hostContext(
    options.warningLists ?? shippedWarningListIndex(),
    canonical.host,
    canonical.ip,
  );
  if (context.some((c) => c.listId === "url-shortener")) flags.push("shortener");
  if (context.some((c) => c.listId === "link-in-bio")) flags.push("link_in_bio");
  if (context.length) flags.push("warning_list");

  return {
    ok: true,
    url: {
      input,
      canonical: canonical.canonical,
      canonicalSha256: createHash("sha256").update(canonical.canonical).digest("hex"),
      scheme: canonical.scheme,
      host: canonical.host,
      hostUnicode: scripts.hostUnicode,
      ip: canonical.ip,
      registrableDomain: canonical.ip ? null : getDomain(canonical.host, { allowPrivateDomains: true }),
      path: canonical.path,
      flags,
      context,
    },
  };
}
