import { domainToUnicode } from "node:url";
import unhomoglyph from "unhomoglyph";
import { isAscii } from "./percent-escapes";

/**
 * Scripts told apart in host labels. A character in none of them (digits, "-", "_") is Common and does
 * not count; a letter of a script not listed counts as "Other".
 */
const SCRIPTS: [string, RegExp][] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Han", /\p{Script=Han}/u],
  ["Hiragana", /\p{Script=Hiragana}/u],
  ["Katakana", /\p{Script=Katakana}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Bopomofo", /\p{Script=Bopomofo}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Cherokee", /\p{Script=Cherokee}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Thai", /\p{Script=Thai}/u],
];
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * Script combinations Unicode TS #39 ("Highly Restrictive" profile, §5.2) accepts in one label: Latin with
 * Japanese (Han + Hiragana + Katakana), with Chinese (Han + Bopomofo) or with Korean (Han + Hangul).
 */
const ALLOWED_SETS = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

function scriptOf(char: string): string | null {
  if (COMMON.test(char)) return null;
  return SCRIPTS.find(([, re]) => re.test(char))?.[0] ?? "Other";
}

/** A label mixes scripts in a way UTS #39 "Highly Restrictive" would not accept ("pаypal" with Cyrillic а). */
export function isMixedScriptLabel(label: string): boolean {
  const scripts = new Set<string>();
  let previous = "";
  for (const char of label) {
    if (char === previous) continue; // runs of one character need one look-up
    previous = char;
    const script = scriptOf(char);
    if (!script || scripts.has(script)) continue;
    scripts.add(script);
    // Stop at the first script that no allowed combination covers together with the ones seen so far.
    if (scripts.size > 1 && !ALLOWED_SETS.some((allowed) => [...scripts].every((s) => allowed.has(s))))
      return true;
  }
  return false;
}

/** UTS #39 confusable skeleton (Unicode confusables.txt, through the unhomoglyph package), lower-cased. */
export function confusableSkeleton(text: string): string {
  return unhomoglyph(text.toLowerCase()).toLowerCase();
}

export interface HostScripts {
  hostUnicode: string;
  isIdn: boolean;
  isMixedScript: boolean;
  /** Some non-ASCII label looks like an ASCII one (its skeleton is plain ASCII): "аррӏе" → "appie". */
  isConfusable: boolean;
}

/** What a canonical (ASCII) host looks like to a reader: its Unicode form and script warnings. */
export function analyseHostScripts(host: string): HostScripts {
  const isIdn = host.startsWith("xn--") || host.includes(".xn--");
  if (!isIdn) return { hostUnicode: host, isIdn, isMixedScript: false, isConfusable: false };
  const hostUnicode = domainToUnicode(host) || host;
  const labels = hostUnicode.split(".");
  const nonAscii = labels.filter((label) => !isAscii(label));
  return {
    hostUnicode,
    isIdn,
    isMixedScript: nonAscii.some(isMixedScriptLabel),
    isConfusable: nonAscii.some((label) => isAscii(confusableSkeleton(label))),
  };
}
