import { isValidBtcAddress, isValidEthAddress, isValidXmrAddress } from "./crypto-address";
import type { TIndicatorKind } from "./indicator-kinds";
import { formatIpv6, isValidDomain, isValidOnion, parseIpv4, parseIpv6 } from "./network-address";
import { refangValue } from "./refang";
import { isValidToxId } from "./tox-id";

/** IDN → punycode through the WHATWG URL parser (same in browser and Node); the input when it cannot parse. */
function toAsciiHost(host: string): string {
  const lower = host.toLowerCase().replace(/\.$/, "");
  if (/^[\x21-\x7e]*$/.test(lower)) return lower;
  try {
    return new URL(`http://${lower}`).hostname;
  } catch {
    return lower;
  }
}

const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)(:\d+)?(.*)$/is;

/** Splits a URL into scheme, userinfo, host, port, rest; null when it is not scheme://host… */
export function splitUrl(
  url: string,
): { scheme: string; user: string; host: string; port: string; rest: string } | null {
  const m = url.match(URL_PARTS);
  if (!m) return null;
  return { scheme: m[1]!, user: m[2] ?? "", host: m[3]!, port: m[4] ?? "", rest: m[5] ?? "" };
}

/**
 * Canonical form of an indicator value, so that the same indicator written two ways is one value: refanged,
 * trimmed, and per kind lower-cased (hashes, domains, e-mail, bech32, eth), RFC 5952 for IPv6, upper-case for
 * Tox IDs (as Tox clients display them), URL scheme and host lower-cased (path kept), onion reduced to its
 * service address. Does not check validity: see validateIndicator.
 */
export function normaliseIndicator(kind: TIndicatorKind, value: string): string {
  const v = refangValue(value.trim());
  switch (kind) {
    case "ipv4":
      return v;
    case "ipv6": {
      const groups = parseIpv6(v.replace(/^\[|\]$/g, ""));
      return groups ? formatIpv6(groups) : v.toLowerCase();
    }
    case "domain":
      return toAsciiHost(v);
    case "url": {
      const parts = splitUrl(v);
      if (!parts) return v;
      return `${parts.scheme.toLowerCase()}://${parts.user}${toAsciiHost(parts.host)}${parts.port}${parts.rest}`;
    }
    case "email": {
      const at = v.lastIndexOf("@");
      return at < 0 ? v.toLowerCase() : `${v.slice(0, at).toLowerCase()}@${toAsciiHost(v.slice(at + 1))}`;
    }
    case "onion": {
      const host = splitUrl(v)?.host ?? v;
      const m = host.toLowerCase().match(/([a-z2-7]{56}|[a-z2-7]{16})\.onion\.?$/);
      return m ? `${m[1]}.onion` : host.toLowerCase();
    }
    case "tox":
      return v.toUpperCase();
    case "btc":
      // Bech32 is case-insensitive only when written in one case (BIP 173): keep mixed case so it stays invalid.
      return /^bc1/i.test(v) && (v === v.toUpperCase() || v === v.toLowerCase()) ? v.toLowerCase() : v;
    case "xmr":
      return v;
    case "md5":
    case "sha1":
    case "sha256":
    case "eth":
      return v.toLowerCase();
  }
}

const HEX_LENGTH = { md5: 32, sha1: 40, sha256: 64 } as const;

/** Whether `value` (raw or defanged) is a well-formed indicator of `kind`, checksums included where defined. */
export function validateIndicator(kind: TIndicatorKind, value: string): boolean {
  const v = normaliseIndicator(kind, value);
  switch (kind) {
    case "ipv4":
      return parseIpv4(v) !== null;
    case "ipv6":
      return parseIpv6(v) !== null;
    case "domain":
      return isValidDomain(v, { allowAmbiguousTld: true });
    case "url": {
      const parts = splitUrl(v);
      if (!parts || !/^(https?|ftp|sftp)$/.test(parts.scheme) || /\s/.test(v)) return false;
      const host = parts.host.replace(/^\[|\]$/g, "");
      return (
        isValidDomain(host, { allowAmbiguousTld: true }) ||
        isValidOnion(host) ||
        parseIpv4(host) !== null ||
        (parts.host.startsWith("[") && parseIpv6(host) !== null)
      );
    }
    case "email": {
      const m = v.match(/^([a-z0-9._%+-]{1,64})@(.+)$/);
      return !!m && (isValidDomain(m[2]!, { allowAmbiguousTld: true }) || isValidOnion(m[2]!));
    }
    case "onion":
      return isValidOnion(v);
    case "tox":
      return isValidToxId(v);
    case "btc":
      return isValidBtcAddress(v);
    case "xmr":
      return isValidXmrAddress(v);
    case "eth":
      // The EIP-55 checksum lives in the letter case, which normalisation removes: check the value as written.
      return isValidEthAddress(refangValue(value.trim()));
    case "md5":
    case "sha1":
    case "sha256":
      return new RegExp(`^[0-9a-f]{${HEX_LENGTH[kind]}}$`).test(v);
  }
}
