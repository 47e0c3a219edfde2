import type { TIndicatorKind } from "./indicator-kinds";
import { parseIpv4, parseIpv6 } from "./network-address";
import noise from "./noisy-domains.json" with { type: "json" };
import { normaliseIndicator, splitUrl } from "./normalise-indicator";

const NOISY_DOMAINS = new Set<string>(noise.domains);
const EMPTY_HASHES = new Set<string>(noise.emptyFileHashes);

/** IPv4 ranges that are not unique to one attacker (RFC 6890 special-purpose registry): [network, prefix]. */
const NOISY_V4: [number, number, number, number, number][] = [
  [0, 0, 0, 0, 8], // "this network"
  [10, 0, 0, 0, 8], // private (RFC 1918)
  [100, 64, 0, 0, 10], // carrier-grade NAT (RFC 6598)
  [127, 0, 0, 0, 8], // loopback
  [169, 254, 0, 0, 16], // link-local
  [172, 16, 0, 0, 12], // private
  [192, 0, 0, 0, 24], // IETF protocol assignments
  [192, 0, 2, 0, 24], // TEST-NET-1 (documentation)
  [192, 168, 0, 0, 16], // private
  [198, 18, 0, 0, 15], // benchmarking
  [198, 51, 100, 0, 24], // TEST-NET-2
  [203, 0, 113, 0, 24], // TEST-NET-3
  [224, 0, 0, 0, 4], // multicast
  [240, 0, 0, 0, 4], // reserved + limited broadcast
];

function isNoisyIpv4(octets: readonly number[]): boolean {
  const ip = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  return NOISY_V4.some(([a, b, c, d, prefix]) => {
    const net = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return (ip & mask) >>> 0 === net;
  });
}

function isNoisyIpv6(groups: readonly number[]): boolean {
  const g0 = groups[0]!;
  if (groups.every((g, i) => g === 0 || (i === 7 && g === 1))) return true; // :: and ::1
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g0 & 0xff00) === 0xff00) return true; // multicast ff00::/8
  if (g0 === 0x2001 && groups[1] === 0x0db8) return true; // documentation 2001:db8::/32
  // IPv4-mapped ::ffff:a.b.c.d: judge the embedded IPv4 address.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return isNoisyIpv4([groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255]);
  }
  return false;
}

function isNoisyDomain(domain: string): boolean {
  const labels = domain.split(".");
  for (let i = 0; i < labels.length; i++) if (NOISY_DOMAINS.has(labels.slice(i).join("."))) return true;
  return false;
}

/**
 * True for values that would link unrelated cases if correlated: private/reserved IP ranges, very common
 * domains (and URLs on them), and hashes of the empty file. The hub shows them with a warning instead of
 * linking cases on them. E-mail addresses, wallets, onion and Tox IDs are never noisy: they are specific.
 */
export function isNoisyIndicator(kind: TIndicatorKind, value: string): boolean {
  const v = normaliseIndicator(kind, value);
  switch (kind) {
    case "ipv4": {
      const octets = parseIpv4(v);
      return octets !== null && isNoisyIpv4(octets);
    }
    case "ipv6": {
      const groups = parseIpv6(v);
      return groups !== null && isNoisyIpv6(groups);
    }
    case "domain":
      return isNoisyDomain(v);
    case "url": {
      const host = splitUrl(v)?.host.replace(/^\[|\]$/g, "") ?? "";
      const v4 = parseIpv4(host);
      if (v4) return isNoisyIpv4(v4);
      const v6 = parseIpv6(host);
      if (v6) return isNoisyIpv6(v6);
      return isNoisyDomain(host);
    }
    case "md5":
    case "sha1":
    case "sha256":
      return EMPTY_HASHES.has(v);
    default:
      return false;
  }
}
