import type { LocalisedText, VersionVerdict } from "./kev-types";
import { compareVersions, parseVersion } from "./version-compare";

/**
 * KEV entries carry no structured version ranges (schema: free-text `vulnerabilityName`,
 * `shortDescription`, `notes`), so ranges are read from phrases such as "versions 7.0.0 through 7.0.6",
 * "before 9.1.10", "15.2.5 and earlier", "through 6.42", "7.44 and up".
 */
export interface VersionStatement {
  /** The phrase as written in the entry, shown to the user as the reason. */
  text: string;
  min?: string;
  minInclusive?: boolean;
  max?: string;
  maxInclusive?: boolean;
}

// A version needs at least one dot so that years ("2019"), CVE numbers and model numbers are not read as
// versions. Optional vendor suffixes: "-h2" (PAN-OS hotfix), "R2.3" (Ivanti), "b1234".
const V = String.raw`v?\d+(?:\.\d+)+(?:[-_]?[a-z]{1,2}\d+(?:\.\d+)*)?`;
const RANGE = new RegExp(
  String.raw`(?:versions?\s+|from\s+)?(${V})\s*(?:through|to|until|[-–~])\s*(${V})`,
  "gi",
);
const BEFORE = new RegExp(
  String.raw`(?:before|prior\s+to|earlier\s+than|below|older\s+than|<)\s*(?:versions?\s+)?(${V})`,
  "gi",
);
const THROUGH = new RegExp(
  String.raw`(?:through|up\s+to(?:\s+and\s+including)?|<=)\s*(?:versions?\s+)?(${V})`,
  "gi",
);
const AND_EARLIER = new RegExp(String.raw`(${V})\s*(?:and|or)\s*(?:earlier|prior|below|older|lower)`, "gi");
const AND_LATER = new RegExp(String.raw`(${V})\s*(?:and|or)\s*(?:later|above|up|newer|higher)`, "gi");

/** Reads every version statement in a text (URLs removed first: they hold advisory ids, not versions). */
export function parseVersionStatements(text: string): VersionStatement[] {
  let rest = text.replace(/https?:\/\/\S+/g, " ");
  const out: VersionStatement[] = [];
  const take = (re: RegExp, build: (m: RegExpExecArray) => VersionStatement) => {
    rest = rest.replace(re, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      out.push(build(match));
      return " ".repeat(String(args[0]).length);
    });
  };
  take(RANGE, (m) => ({ text: m[0].trim(), min: m[1], minInclusive: true, max: m[2], maxInclusive: true }));
  take(AND_EARLIER, (m) => ({ text: m[0].trim(), max: m[1], maxInclusive: true }));
  take(AND_LATER, (m) => ({ text: m[0].trim(), min: m[1], minInclusive: true }));
  take(BEFORE, (m) => ({ text: m[0].trim(), max: m[1], maxInclusive: false }));
  take(THROUGH, (m) => ({ text: m[0].trim(), max: m[1], maxInclusive: true }));
  return out;
}

function isWithin(
  version: NonNullable<ReturnType<typeof parseVersion>>,
  s: VersionStatement,
): boolean | null {
  const min = s.min === undefined ? null : parseVersion(s.min);
  const max = s.max === undefined ? null : parseVersion(s.max);
  if ((s.min !== undefined && !min) || (s.max !== undefined && !max)) return null;
  if (min) {
    const c = compareVersions(version, min);
    if (c < 0 || (c === 0 && s.minInclusive === false)) return false;
  }
  if (max) {
    const c = compareVersions(version, max);
    if (c > 0 || (c === 0 && s.maxInclusive === false)) return false;
  }
  return true;
}

/**
 * Classifies a device version against an entry's statements. Never returns "not affected" without a
 * statement to point at: an entry without version text or a device without a version is "version-unknown".
 */
export function judgeVersion(
  deviceVersion: string | undefined,
  statements: readonly VersionStatement[],
): { verdict: VersionVerdict; reason: LocalisedText } {
  const quoted = statements.map((s) => `"${s.text}"`).join(", ");
  if (statements.length === 0) {
    return {
      verdict: "version-unknown",
      reason: {
        ja: "KEV の記載に影響バージョンがありません。ベンダーの勧告で確認してください。",
        en: "The KEV entry states no affected versions; check the vendor advisory.",
      },
    };
  }
  const version = deviceVersion?.trim() ? parseVersion(deviceVersion) : null;
  if (!version) {
    return {
      verdict: "version-unknown",
      reason: {
        ja: `機器のバージョンが不明です。KEV の記載: ${quoted}`,
        en: `Device version not given or not readable; the entry says ${quoted}.`,
      },
    };
  }
  const results = statements.map((s) => isWithin(version, s));
  const hit = statements.find((_, i) => results[i] === true);
  if (hit) {
    return {
      verdict: "affected",
      reason: {
        ja: `バージョン ${deviceVersion} は KEV の記載 "${hit.text}" に該当します。`,
        en: `Version ${deviceVersion} falls within "${hit.text}".`,
      },
    };
  }
  if (results.some((r) => r === null)) {
    return {
      verdict: "version-unknown",
      reason: { ja: `KEV の記載を解釈できません: ${quoted}`, en: `Could not interpret ${quoted}.` },
    };
  }
  return {
    verdict: "not-affected-by-version",
    reason: {
      ja: `バージョン ${deviceVersion} は KEV の記載 ${quoted} の範囲外です (ベンダー勧告でも確認してください)。`,
      en: `Version ${deviceVersion} is outside ${quoted} (confirm with the vendor advisory).`,
    },
  };
}
