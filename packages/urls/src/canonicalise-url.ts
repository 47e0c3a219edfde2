import { domainToASCII } from "node:url";
import { canonicalIpv4, canonicalIpv6 } from "./ip-host";
import { escapeUnsafe, fromByteString, isAscii, toByteString, unescapeRepeatedly } from "./percent-escapes";

/** The parts of a URL in Google Safe Browsing v4 canonical form (all ASCII). */
export interface CanonicalUrl {
  canonical: string;
  scheme: string;
  /** Canonical host: lower-case ASCII (punycode for IDN), dotted-decimal IPv4, or [IPv6]. */
  host: string;
  /** The bare address when the host is an IP literal. */
  ip: string | null;
  path: string;
  /** Query without "?"; null when the URL had no "?". */
  query: string | null;
  /** Port as written, when one was (the canonical form drops it, as the spec's examples do). */
  port: string | null;
  hasUserinfo: boolean;
}

export type CanonicaliseError = "no_host" | "bad_scheme";

/**
 * Trimming loops instead of /^x+|x+$/: that regex retries the trailing alternative from every position of
 * a long inner run ("a" + 100 000 dots + "b"), which is quadratic.
 */
function trimChar(text: string, char: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === char) start++;
  while (end > start && text[end - 1] === char) end--;
  return text.slice(start, end);
}

/** Removes leading and trailing spaces and control characters (bytes <= 0x20). */
function trimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

export const SCHEME = /^([a-z][a-z0-9+.-]{0,31}):\/\//i;
export const TAB_CR_LF = /[\t\r\n]/g;

/**
 * Safe Browsing host rules: unescape, drop leading/trailing dots, collapse runs of dots, IPv4 in any
 * encoding to dotted decimal, IPv6 to its short form, IDN to punycode, lower case, then re-escape.
 */
function canonicalHost(rawHost: string): { host: string; ip: string | null } {
  let host = unescapeRepeatedly(rawHost);
  if (host.startsWith("[") && host.endsWith("]")) {
    const v6 = canonicalIpv6(host);
    if (v6) return v6;
  }
  host = trimChar(host, ".").replace(/\.{2,}/g, ".");
  const v4 = canonicalIpv4(host);
  if (v4) return { host: v4, ip: v4 };
  const text = fromByteString(host);
  if (text !== null && !isAscii(text)) {
    // IDN: UTS #46 mapping and punycode ("ＡＢＣ.例え.jp" → "abc.xn--r8jz45g.jp"); '' means not a valid name.
    const ascii = domainToASCII(text);
    if (ascii) return { host: ascii, ip: null };
  }
  return { host: escapeUnsafe(host.replace(/[A-Z]+/g, (s) => s.toLowerCase())), ip: null };
}

/** Resolves "/./" and "/../" and collapses "//" (applied to the path only, never to the query). */
function canonicalPath(rawPath: string): string {
  const segments = rawPath.split("/");
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const isLast = i === segments.length - 1;
    if (segment === "." || segment === "..") {
      if (segment === "..") out.pop();
      if (isLast) out.push(""); // "/a/b/.." → "/a/" keeps the trailing slash
      continue;
    }
    if (segment === "" && !isLast) continue; // consecutive slashes
    out.push(segment);
  }
  return `/${out.join("/")}`;
}

/**
 * Canonical form of a URL as Google Safe Browsing v4 ("URLs and Hashing") defines it, so that the same
 * resource reported in different spellings has one key. `input` is text (encoded as UTF-8) or raw bytes.
 * The whole input is not unescaped at once: the URL is split first, so "%23" in a host or path stays
 * data instead of becoming a fragment marker, then each part is unescaped and re-escaped.
 */
export function canonicaliseUrl(input: string | Uint8Array): CanonicalUrl | CanonicaliseError {
  let bytes = typeof input === "string" ? toByteString(input) : Buffer.from(input).toString("latin1");
  bytes = trimSpace(bytes.replace(TAB_CR_LF, ""));
  const hash = bytes.indexOf("#");
  if (hash >= 0) bytes = bytes.slice(0, hash);

  let scheme = "http";
  const schemeMatch = bytes.match(SCHEME);
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    bytes = bytes.slice(schemeMatch[0].length);
  }
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) return "bad_scheme";

  const authorityEnd = bytes.search(/[/?]/);
  let authority = authorityEnd < 0 ? bytes : bytes.slice(0, authorityEnd);
  const rest = authorityEnd < 0 ? "" : bytes.slice(authorityEnd);

  const at = authority.lastIndexOf("@");
  const hasUserinfo = at >= 0;
  if (hasUserinfo) authority = authority.slice(at + 1);
  let port: string | null = null;
  const portMatch = authority.match(/:(\d{0,5})$/);
  if (portMatch && !(authority.startsWith("[") && !authority.slice(0, portMatch.index).endsWith("]"))) {
    port = portMatch[1] || null;
    authority = authority.slice(0, portMatch.index);
  }
  const { host, ip } = canonicalHost(authority);
  if (!host) return "no_host";

  const question = rest.indexOf("?");
  const rawPath = question < 0 ? rest : rest.slice(0, question);
  const rawQuery = question < 0 ? null : rest.slice(question + 1);
  const path = escapeUnsafe(canonicalPath(unescapeRepeatedly(rawPath)));
  const query = rawQuery === null ? null : escapeUnsafe(unescapeRepeatedly(rawQuery));
  const canonical = `${scheme}://${host}${path}${query === null ? "" : `?${query}`}`;
  return { canonical, scheme, host, ip, path, query, port, hasUserinfo };
}
