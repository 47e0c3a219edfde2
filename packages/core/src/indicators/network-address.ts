import { sha3_256 } from "./keccak";
import tldData from "./tld-list.json" with { type: "json" };

const TLDS = new Set<string>(tldData.tlds);
const AMBIGUOUS_TLDS = new Set<string>(tldData.ambiguous);

/** Dotted-quad IPv4 with each octet 0–255 and no leading zeros ("010.1.1.1" is octal to some parsers: rejected). */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    octets.push(n);
  }
  return octets;
}

/** Parses IPv6 (RFC 4291 text forms, incl. "::" and an IPv4 tail) into 8 16-bit groups; null if invalid. */
export function parseIpv6(text: string): number[] | null {
  let body = text.toLowerCase().replace(/%[0-9a-z._-]+$/, ""); // zone id ("%eth0") is local, not part of the address
  let tail: number[] = [];
  const v4 = body.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const octets = parseIpv4(v4[2]!);
    if (!octets) return null;
    tail = [(octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!];
    body = v4[1]!.endsWith("::") ? v4[1]! : v4[1]!.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === "" ? [] : s.split(":"));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const groups = [...head, ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const explicit = groups.length + tail.length;
  if (halves.length === 1 && explicit !== 8) return null;
  if (halves.length === 2 && explicit > 7) return null;
  const zeros = new Array<number>(8 - explicit).fill(0);
  const nums = (list: string[]) => list.map((g) => Number.parseInt(g, 16));
  return halves.length === 2 ? [...nums(head), ...zeros, ...nums(rest), ...tail] : [...nums(head), ...tail];
}

/** RFC 5952 canonical text: lower case, no leading zeros, the longest run (≥ 2) of zero groups as "::". */
export function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/** True when the last label is a TLD in Sonae's compact list (tld-list.json). */
export function hasKnownTld(domain: string): boolean {
  return TLDS.has(domain.slice(domain.lastIndexOf(".") + 1));
}

/**
 * A domain name as an indicator: ≥ 2 LDH labels (RFC 1035/1123), a known TLD, and, when the TLD is also a
 * common file extension ("readme.md", "run.sh", "files.zip"), at least 3 labels.
 */
export function isValidDomain(domain: string, options: { allowAmbiguousTld?: boolean } = {}): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  if (!labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return false;
  const tld = labels[labels.length - 1]!;
  if (!TLDS.has(tld)) return false;
  if (AMBIGUOUS_TLDS.has(tld) && labels.length < 3 && !options.allowAmbiguousTld) return false;
  return true;
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

function decodeBase32(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = (buffer << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

const ONION_CHECKSUM_PREFIX = new TextEncoder().encode(".onion checksum");

/**
 * Tor onion service address. v3 (rend-spec-v3 §6): base32 of PUBKEY(32) ‖ CHECKSUM(2) ‖ VERSION(1) with
 * VERSION = 3 and CHECKSUM = SHA3-256(".onion checksum" ‖ PUBKEY ‖ VERSION)[:2]. v2 (16 chars, retired by Tor
 * in 2021 but still printed in old notes) has no checksum.
 */
export function isValidOnion(host: string): boolean {
  const cached = onionCache.get(host);
  if (cached !== undefined) return cached;
  const valid = checkOnion(host);
  // Notes and case files repeat the same few addresses; SHA3 with BigInt lanes costs ~0.2 ms, so remember.
  if (onionCache.size > 10_000) onionCache.clear();
  onionCache.set(host, valid);
  return valid;
}

const onionCache = new Map<string, boolean>();

function checkOnion(host: string): boolean {
  const m = host.match(/^(?:[a-z0-9-]+\.)*([a-z2-7]{56}|[a-z2-7]{16})\.onion$/);
  if (!m) return false;
  if (m[1]!.length === 16) return true;
  const bytes = decodeBase32(m[1]!);
  if (bytes[34] !== 3) return false;
  const digest = sha3_256(new Uint8Array([...ONION_CHECKSUM_PREFIX, ...bytes.subarray(0, 32), 3]));
  return digest[0] === bytes[32] && digest[1] === bytes[33];
}
