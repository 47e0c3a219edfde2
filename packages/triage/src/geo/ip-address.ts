import { isIP } from "node:net";

/**
 * True for addresses routed on the public Internet. Private, loopback, link-local, CGNAT,
 * documentation and multicast ranges (RFC 1918, 6598, 3927, 5737, 4193, 4291) are not public:
 * an RDP logon from them is internal movement, not exposure to the Internet.
 */
export function isPublicIp(address: string): boolean {
  const ip = address.startsWith("::ffff:") ? address.slice(7) : address;
  const v = isIP(ip);
  if (v === 4) {
    const [a = 0, b = 0, c = 0] = ip.split(".").map(Number);
    if (a === 10 || a === 127 || a === 0 || a >= 224) return false;
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    if (a === 169 && b === 254) return false;
    if (a === 100 && b >= 64 && b <= 127) return false;
    if (a === 192 && b === 0 && (c === 0 || c === 2)) return false;
    if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return false;
    if (a === 198 && (b === 18 || b === 19)) return false;
    return true;
  }
  if (v === 6) {
    const lower = ip.toLowerCase();
    if (lower === "::" || lower === "::1") return false;
    if (
      /^f[cd]/.test(lower) ||
      /^fe[89ab]/.test(lower) ||
      lower.startsWith("ff") ||
      lower.startsWith("2001:db8")
    )
      return false;
    return true;
  }
  return false;
}
