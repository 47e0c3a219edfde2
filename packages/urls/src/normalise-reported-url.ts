import { createHash } from "node:crypto";
import { findWarningListMatches, refangValue, type WarningListIndex } from "@sonae/core";
import { getDomain } from "tldts";
import { canonicaliseUrl } from "./canonicalise-url";
import { analyseHostScripts } from "./idn-analysis";
import { NORMALISE_ERRORS } from "./normalise-messages";
import { shippedWarningListIndex } from "./shipped-warning-lists";
import type { NormaliseErrorCode, NormaliseResult, UrlFlag } from "./url-contracts";

/** Longest input taken (bytes of UTF-16 text, checked before any parsing). */
export const MAX_URL_INPUT = 8 * 1024;

const SCHEMES = new Set(["http", "https", "ftp"]);
const DEFAULT_PORTS: Record<string, string> = { http: "80", https: "443", ftp: "21" };
/** A public DNS name: dot-separated labels of letters, digits, "-" and "_" (ASCII after punycode). */
export const HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/;
/** "ttps://" and "tp://" lose letters on purpose so that mail clients do not link them (common in Japan). */
/** "mailto:", "javascript:", "data:": a scheme without "//" (but not "host:8080", which is a port). */
export const OPAQUE_SCHEME = /^[a-z][a-z0-9+.-]{0,31}:(?!\/\/|\d)/i;
export const CLIPPED_SCHEME = /^(t?tps?):\/\//i;

function fail(code: NormaliseErrorCode): NormaliseResult {
  return { ok: false, error: { code, message: NORMALISE_ERRORS[code] } };
}

/** Undoes defanging ("hxxps://evil[.]example", "ttps://", full-width "：／／"): core's refang plus clipped schemes. */
function refangUrl(input: string): string {
  const refanged = refangValue(input);
  const clipped = refanged.match(CLIPPED_SCHEME);
  if (!clipped) return refanged;
  const scheme = /s$/i.test(clipped[1]!) ? "https" : "http";
  return scheme + refanged.slice(clipped[1]!.length);
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

  const matches = findWarningListMatches(
    options.warningLists ?? shippedWarningListIndex(),
    "url",
    canonical.canonical,
  );
  const context = matches.map((m) => ({ listId: m.listId, listName: m.name.ja }));
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
