import { formatIpv6, parseIpv6 } from "@sonae/core";

/**
 * One inet_aton component: decimal, octal with a leading 0, hex with 0x. Digits only (no sign, no spaces);
 * length capped so that a 10 KB run of digits is rejected before any arithmetic.
 */
function parseComponent(text: string): number | null {
  if (text.length === 0 || text.length > 12) return null;
  let digits = text;
  let radix = 10;
  if (/^0x/i.test(text)) {
    digits = text.slice(2);
    radix = 16;
    if (digits === "") return 0; // "0x" alone is 0, as inet_aton reads it
  } else if (text.length > 1 && text.startsWith("0")) {
    digits = text.slice(1);
    radix = 8;
  }
  const pattern = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!pattern.test(digits)) return null;
  return Number.parseInt(digits, radix);
}

/**
 * The dotted-decimal form of a host that is an IPv4 address in any encoding inet_aton accepts — what Safe
 * Browsing asks for: "3279880203" → "195.127.0.11", "0xc3.0177.0.11", "195.8323083" (fewer than four parts,
 * the last one fills the remaining bytes). Null when the host is a name.
 */
export function canonicalIpv4(host: string): string | null {
  if (host.length > 64 || !/^[0-9a-fx.]+$/i.test(host)) return null;
  const parts = host.split(".");
  if (parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    const v = parseComponent(part);
    if (v === null) return null;
    values.push(v);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255)) return null;
  const lastBytes = 4 - values.length;
  if (last >= 2 ** (8 * lastBytes)) return null;
  const bytes = [...values];
  for (let i = lastBytes - 1; i >= 0; i--) bytes.push(Math.floor(last / 2 ** (8 * i)) % 256);
  return bytes.join(".");
}

/**
 * A bracketed IPv6 host in its short form ([2001:0db8:0000::1] → 2001:db8::1); IPv4-mapped (::ffff:a.b.c.d)
 * and NAT64 well-known-prefix (64:ff9b::a.b.c.d) addresses become the IPv4 address they carry, as the Safe
 * Browsing reference describes. Returns the host text (brackets kept for IPv6) and the bare address.
 */
export function canonicalIpv6(bracketed: string): { host: string; ip: string } | null {
  if (bracketed.length > 64) return null;
  const groups = parseIpv6(bracketed.replace(/^\[|\]$/g, ""));
  if (!groups) return null;
  const mapped = groups.slice(0, 6).every((g, i) => (i < 5 ? g === 0 : g === 0xffff));
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (mapped || nat64) {
    const ip = [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
    return { host: ip, ip };
  }
  const ip = formatIpv6(groups);
  return { host: `[${ip}]`, ip };
}
