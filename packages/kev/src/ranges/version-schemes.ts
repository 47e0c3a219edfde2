/**
 * Vendor version schemes. Each vendor writes versions its own way, and NVD copies them into CPE names
 * with part of the version in the `update` field (Ivanti `22.7:r2.4`, PAN-OS `10.2.9:h1`). A scheme turns
 * both the device's version and NVD's bounds into comparable segments, and says which device versions it
 * can read at all: a version it cannot read gives the verdict "unknown", never a guess.
 */

export type VersionSegment = number | string;

export interface VersionScheme {
  id: string;
  /** An example shown when a device version cannot be read ("e.g. 7.0.12"). */
  example: string;
  /** The device versions this scheme reads (after {@link cleanDeviceVersion}); null = never comparable. */
  pattern: RegExp | null;
  /** Vendor-specific rewriting before segmenting (both device versions and NVD bounds). */
  rewrite?: (text: string) => string;
  /**
   * CPE `version:*` (any update) covers which later segments: "letters" = hotfixes/releases only
   * (PAN-OS 10.0.11:* = 10.0.11-hN), "any" = every build (Citrix 13.0:* = 13.0-47.24).
   */
  anyUpdateCovers: "letters" | "any";
}

// Cisco writes interim releases as 9.16(4)27; NVD as 9.16.4.27 (and quotes parentheses as "\(").
const ciscoRewrite = (t: string) =>
  t
    .replace(/\\/g, "")
    .replace(/\((\d+(?:\.\d+)?)\)(\d+)?/, (_, inner: string, interim?: string) =>
      interim ? `.${inner}.${interim}` : `.${inner}`,
    );
// SonicWall builds end in "sv" (10.2.1.13-72sv); the letters name the platform, not an order.
const sonicwallRewrite = (t: string) => t.replace(/-?sv$/, "");
// Citrix: "13.1 build 51.15" and "NS13.1: Build 51.15" are 13.1-51.15.
const citrixRewrite = (t: string) =>
  t.replace(/^ns/, "").replace(/^(\d+\.\d+)\s*:?\s*(?:build|-)\s*(\d+\.\d+)$/, "$1-$2");

export const VERSION_SCHEMES: Record<string, VersionScheme> = {
  dotted: { id: "dotted", example: "5.2.1", pattern: /^\d+(?:\.\d+)+$/, anyUpdateCovers: "letters" },
  fortios: { id: "fortios", example: "7.0.12", pattern: /^\d+\.\d+\.\d+$/, anyUpdateCovers: "letters" },
  ivanti: {
    id: "ivanti",
    example: "22.7R2.3",
    pattern: /^\d+\.\d+\s*r\d+(?:\.\d+)*$/,
    rewrite: (t) => t.replace(/\s+/g, ""),
    anyUpdateCovers: "letters",
  },
  sonicwall: {
    id: "sonicwall",
    example: "10.2.1.13-72sv",
    pattern: /^\d+(?:\.\d+){2,3}(?:-\d+)?$/,
    rewrite: sonicwallRewrite,
    anyUpdateCovers: "letters",
  },
  panos: {
    id: "panos",
    example: "10.2.9-h1",
    pattern: /^\d+\.\d+\.\d+(?:-?h\d+)?$/,
    anyUpdateCovers: "letters",
  },
  cisco: {
    id: "cisco",
    example: "9.16(4)",
    pattern: /^\d+\.\d+(?:\.\d+){0,3}$/,
    rewrite: ciscoRewrite,
    anyUpdateCovers: "letters",
  },
  citrix: {
    id: "citrix",
    example: "13.1-51.15",
    pattern: /^\d+\.\d+-\d+\.\d+$/,
    rewrite: citrixRewrite,
    anyUpdateCovers: "any",
  },
  /** Ivanti CSA: "4.6 Patch 519" (NVD: 4.6:patch_519) and "5.0.2". */
  patch: {
    id: "patch",
    example: "4.6 Patch 519",
    pattern: /^\d+(?:\.\d+)+(?:\s*patch\s*\d+)?$/,
    anyUpdateCovers: "letters",
  },
  checkpoint: {
    id: "checkpoint",
    example: "R81.20",
    pattern: /^r\d+(?:\.\d+)*$/,
    anyUpdateCovers: "letters",
  },
  /** Products whose NVD versions are named, not numbered (Exchange "2016 CU23", ESXi "7.0 update 3"). */
  none: { id: "none", example: "", pattern: null, anyUpdateCovers: "letters" },
};

const MAX_VERSION_LENGTH = 100;

/** Lower case, NFKC, without "v"/"version", build numbers ("build 0523") and release labels ("(GA)"). */
export function cleanDeviceVersion(input: string): string {
  // No real version is this long; refusing early keeps every regex below on short text.
  if (input.length > MAX_VERSION_LENGTH) return "";
  return (
    input
      .normalize("NFKC")
      .toLowerCase()
      .trim()
      // "FortiOS 7.0.12", "PAN-OS 10.2.9-h1": the product name typed into the version field.
      .replace(/^[a-z-]+(?:\s+[a-z-]+)*\s+(?=(?:v|ver\.?|version)?\s*\d)/, "")
      .replace(/^(?:version|ver\.?|v)\s*(?=\d)/, "")
      .replace(/[,\s]*\((?:[a-z ]+)\)\s*$/, "")
      .replace(/^(\d+\.\d+\.\d+)[,\s]*(?:build|b)\s*\d+$/, "$1")
      .trim()
  );
}

/** Segments of a version: digit runs as numbers, letter runs as strings; every other character separates. */
export function segmentVersion(text: string): VersionSegment[] {
  return (text.toLowerCase().match(/\d+|[a-z]+/g) ?? []).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The device version as segments of `scheme`, or null when the scheme cannot read it. */
export function readDeviceVersion(input: string, scheme: VersionScheme): VersionSegment[] | null {
  if (!scheme.pattern) return null;
  const cleaned = cleanDeviceVersion(input);
  if (!cleaned) return null;
  const rewritten = scheme.rewrite ? scheme.rewrite(cleaned) : cleaned;
  if (!scheme.pattern.test(rewritten)) return null;
  return segmentVersion(rewritten);
}

/** A version written by NVD (CPE version, optionally with its update field) as segments of `scheme`. */
export function readDataVersion(version: string, update: string | undefined, scheme: VersionScheme) {
  if (version.length > MAX_VERSION_LENGTH || (update?.length ?? 0) > MAX_VERSION_LENGTH) return null;
  const base = version.replace(/\\/g, "").toLowerCase();
  const joined = update && update !== "*" && update !== "-" ? `${base}-${update}` : base;
  const segments = segmentVersion(scheme.rewrite ? scheme.rewrite(joined) : joined);
  return segments.length > 0 ? segments : null;
}

/**
 * Negative when a < b. Missing trailing zeros are equal ("7.0" = "7.0.0"). A letter segment after a common
 * prefix is a release or hotfix of that prefix (PAN-OS 10.2.9-h1, Ivanti 22.7R2): after the prefix alone,
 * before the next number.
 */
export function compareSegments(a: readonly VersionSegment[], b: readonly VersionSegment[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return y === 0 ? 0 : -1;
    if (y === undefined) return x === 0 ? 0 : 1;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "string" && typeof y === "string") return x < y ? -1 : 1;
    return typeof x === "string" ? -1 : 1;
  }
  return 0;
}
