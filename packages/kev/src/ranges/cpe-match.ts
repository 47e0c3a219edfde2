import type { NvdConfiguration, NvdCpeMatch } from "./nvd-range-types";
import { compareSegments, readDataVersion, type VersionScheme, type VersionSegment } from "./version-schemes";

/** One vulnerable CPE match of a record, split into its fields once. */
export interface CompiledCpeMatch {
  /** "fortinet:fortios" */
  product: string;
  version: string;
  update: string;
  /** CPE sw_edition ("fips", "ndcpp" for Citrix): the entry covers only that edition. */
  swEdition: string;
  match: NvdCpeMatch;
}

/** CPE 2.3 formatted string → fields; "\:" is a quoted colon, not a separator. */
export function splitCpe(criteria: string): string[] {
  return criteria.split(/(?<!\\):/);
}

const compiled = new WeakMap<NvdConfiguration[], CompiledCpeMatch[]>();

/**
 * The vulnerable CPE matches of a record. Entries with `vulnerable: false` are platform conditions of an AND
 * configuration (the hardware the software runs on); the software entry itself names the product and
 * versions, so they are not needed for a verdict about that software.
 */
export function vulnerableMatches(configurations: NvdConfiguration[]): CompiledCpeMatch[] {
  const cached = compiled.get(configurations);
  if (cached) return cached;
  const out: CompiledCpeMatch[] = [];
  for (const configuration of configurations) {
    for (const node of configuration.nodes) {
      if (node.negate) continue;
      for (const match of node.cpeMatch) {
        if (!match.vulnerable) continue;
        const f = splitCpe(match.criteria);
        out.push({
          product: `${f[3]}:${f[4]}`,
          version: f[5] ?? "*",
          update: f[6] ?? "*",
          swEdition: f[9] ?? "*",
          match,
        });
      }
    }
  }
  compiled.set(configurations, out);
  return out;
}

/** How a person reads one match: "6.0.0 ≤ v < 6.0.5", "= 22.7R2.3", "all versions". */
export function describeCpeMatch(m: CompiledCpeMatch): string {
  if (m.version !== "*" && m.version !== "-") return `= ${displayVersion(m.version, m.update)}`;
  const {
    versionStartIncluding: si,
    versionStartExcluding: se,
    versionEndIncluding: ei,
    versionEndExcluding: ee,
  } = m.match;
  const low = si ? `${si} ≤ ` : se ? `${se} < ` : "";
  const high = ee ? ` < ${ee}` : ei ? ` ≤ ${ei}` : "";
  return low || high ? `${low}v${high}` : "all versions";
}

/** NVD's version and update fields as the vendor writes them: 22.7 + r2.3 → 22.7R2.3, 10.2.0 + h1 → 10.2.0-h1. */
export function displayVersion(version: string, update: string): string {
  const base = version.replace(/\\/g, "");
  if (update === "*" || update === "-" || !update) return base;
  return /^r\d/.test(update) ? `${base}${update.toUpperCase()}` : `${base}-${update}`;
}

/**
 * Whether the device version lies in one match: true / false, or null when NVD's bound cannot be read in the
 * product's version scheme (then the match can decide nothing).
 */
export function isWithinMatch(
  device: readonly VersionSegment[],
  m: CompiledCpeMatch,
  scheme: VersionScheme,
): boolean | null {
  if (m.version === "-") return null;
  if (m.version !== "*") {
    const exact = readDataVersion(m.version, m.update, scheme);
    if (!exact) return null;
    if (m.update !== "*") return compareSegments(device, exact) === 0;
    // version:* = that version with any update: its hotfixes/releases, and for Citrix every build.
    if (compareSegments(device.slice(0, exact.length), exact) !== 0) return false;
    const rest = device.slice(exact.length);
    return (
      rest.length === 0 ||
      rest.every((s) => s === 0) ||
      scheme.anyUpdateCovers === "any" ||
      typeof rest[0] === "string"
    );
  }
  const bound = (text: string | undefined) =>
    text === undefined ? undefined : readDataVersion(text, undefined, scheme);
  const si = bound(m.match.versionStartIncluding);
  const se = bound(m.match.versionStartExcluding);
  const ei = bound(m.match.versionEndIncluding);
  const ee = bound(m.match.versionEndExcluding);
  if (si === null || se === null || ei === null || ee === null) return null;
  if (si && compareSegments(device, si) < 0) return false;
  if (se && compareSegments(device, se) <= 0) return false;
  if (ei && compareSegments(device, ei) > 0) return false;
  if (ee && compareSegments(device, ee) >= 0) return false;
  return true;
}
