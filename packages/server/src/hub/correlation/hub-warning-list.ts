import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { isNoisyIndicator, parseIpv4, type THubIndicatorKind } from "@sonae/core";
import { z } from "zod";

const ZWarningList = z.object({
  ipv4: z.array(z.string()),
  ipv4Cidrs: z.array(z.string().regex(/^\d+\.\d+\.\d+\.\d+\/\d+$/)),
  domainSuffixes: z.array(z.string()),
  emailDomains: z.array(z.string()),
});

/** content/hub/warning-list.json, validated at load (see its SOURCE.md). */
export const HUB_WARNING_LIST_PATH = resolve(
  import.meta.dirname,
  "../../../../../content/hub/warning-list.json",
);

type Compiled = {
  ips: Set<string>;
  cidrs: [number, number][];
  suffixes: string[];
  emailDomains: Set<string>;
};
let compiled: Compiled | undefined;

function ipToInt(octets: readonly number[]): number {
  return ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
}

function load(): Compiled {
  if (compiled) return compiled;
  const list = ZWarningList.parse(JSON.parse(readFileSync(HUB_WARNING_LIST_PATH, "utf8")));
  compiled = {
    ips: new Set(list.ipv4),
    cidrs: list.ipv4Cidrs.map((c) => {
      const [ip, prefix] = c.split("/");
      const octets = parseIpv4(ip!);
      if (!octets) throw new Error(`bad CIDR in warning list: ${c}`);
      const bits = Number(prefix);
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      return [(ipToInt(octets) & mask) >>> 0, mask];
    }),
    suffixes: list.domainSuffixes,
    emailDomains: new Set(list.emailDomains),
  };
  return compiled;
}

function hostMatches(host: string, suffixes: readonly string[]): boolean {
  return suffixes.some((s) => host === s || host.endsWith(`.${s}`));
}

/**
 * True when a normalised value must not link cases: core's noise (private addresses, common
 * domains) or the hub warning list (resolvers, CDN edges, cloud suffixes, free-mail domains).
 */
export function isWarningListed(kind: THubIndicatorKind, value: string): boolean {
  if (kind === "note_id") return false;
  if (isNoisyIndicator(kind, value)) return true;
  const list = load();
  if (kind === "ipv4") {
    if (list.ips.has(value)) return true;
    const octets = parseIpv4(value);
    if (!octets) return false;
    const ip = ipToInt(octets);
    return list.cidrs.some(([net, mask]) => (ip & mask) >>> 0 === net);
  }
  if (kind === "domain") return hostMatches(value, list.suffixes) || list.emailDomains.has(value);
  if (kind === "url") {
    const host = value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split(/[/:?#]/)[0] ?? "";
    return hostMatches(host, list.suffixes);
  }
  return false;
}
