import { parseIpv4, parseIpv6 } from "../indicators/network-address";

/** An address as a number on one line: IPv4 in [0, 2^32), IPv6 in [0, 2^128). */
export type IpAddress = { family: 4; n: number } | { family: 6; n: bigint };

export function parseIpAddress(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4) return { family: 4, n: ((v4[0]! << 24) | (v4[1]! << 16) | (v4[2]! << 8) | v4[3]!) >>> 0 };
  const v6 = parseIpv6(text.replace(/^\[|\]$/g, ""));
  if (!v6) return null;
  let n = 0n;
  for (const g of v6) n = (n << 16n) | BigInt(g);
  return { family: 6, n };
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), judged like the IPv4 one. */
export function embeddedIpv4(address: IpAddress): IpAddress | null {
  if (address.family !== 6 || address.n >> 32n !== 0xffffn) return null;
  return { family: 4, n: Number(address.n & 0xffffffffn) };
}

/** Sorted, merged [start, end] ranges of one family, searched by bisection. */
class RangeSet<T extends number | bigint> {
  private starts: T[] = [];
  private ends: T[] = [];
  private labels: string[] = [];

  constructor(ranges: { start: T; end: T; label: string }[]) {
    ranges.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (const r of ranges) {
      const last = this.ends.length - 1;
      // Overlapping ranges are merged; the first entry's text stays as the one shown.
      if (last >= 0 && r.start <= this.ends[last]!) {
        if (r.end > this.ends[last]!) this.ends[last] = r.end;
        continue;
      }
      this.starts.push(r.start);
      this.ends.push(r.end);
      this.labels.push(r.label);
    }
  }

  /** The entry containing `n`, or null. */
  find(n: T): string | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (n < this.starts[mid]!) hi = mid - 1;
      else if (n > this.ends[mid]!) lo = mid + 1;
      else return this.labels[mid]!;
    }
    return null;
  }

  get size(): number {
    return this.starts.length;
  }
}

/** The CIDR entries of one list (a bare address counts as /32 or /128). Bad entries are reported, not guessed. */
export class CidrList {
  private readonly v4: RangeSet<number>;
  private readonly v6: RangeSet<bigint>;
  readonly rejected: string[] = [];

  constructor(entries: readonly string[]) {
    const v4: { start: number; end: number; label: string }[] = [];
    const v6: { start: bigint; end: bigint; label: string }[] = [];
    for (const entry of entries) {
      const [addr = "", prefixText] = entry.trim().split("/");
      const address = parseIpAddress(addr);
      const bits = address?.family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? bits : Number(prefixText);
      if (!address || !/^\d{1,3}$/.test(prefixText ?? "0") || prefix > bits) {
        this.rejected.push(entry);
        continue;
      }
      if (address.family === 4) {
        const size = 2 ** (32 - prefix);
        const start = address.n - (address.n % size);
        v4.push({ start, end: start + size - 1, label: entry });
      } else {
        const host = (1n << BigInt(128 - prefix)) - 1n;
        const start = address.n & ~host;
        v6.push({ start, end: start | host, label: entry });
      }
    }
    this.v4 = new RangeSet(v4);
    this.v6 = new RangeSet(v6);
  }

  find(address: IpAddress): string | null {
    return address.family === 4 ? this.v4.find(address.n) : this.v6.find(address.n);
  }

  get rangeCount(): number {
    return this.v4.size + this.v6.size;
  }
}
