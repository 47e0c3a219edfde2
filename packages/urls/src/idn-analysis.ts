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

function scriptsOf(label: string): Set<string> {
  const scripts = new Set<string>();
  for (const char of label) {
    if (COMMON.test(char)) continue;
    scripts.add(SCRIPTS.find(([, re]) => re.test(char))?.[0] ?? "Other");
  }
  return scripts;
}

/** A label mixes scripts in a way UTS #39 "Highly Restrictive" would not accept ("pаypal" with Cyrillic а). */
export function isMixedScriptLabel(label: string): boolean {
  const scripts = scriptsOf(label);
  if (scripts.size <= 1) return false;
  return !ALLOWED_SETS.some((allowed) => [...scripts].every((s) => allowed.has(s)));
}

/** UTS #39 confusable skeleton (Unicode confusables.txt, through the unhomoglyph package), lower-cased. */
export function confusableSkeleton(text: string): string {
  return unhomoglyph(text.toLowerCase()).toLowerCase();
}

export interface HostScripts {
  hostUnicode: string;
  isIdn: boolean;
  isMixedScript: boolean;
  /** Some non-ASCII label looks like an ASCII one (its skeleton is plain ASCII): "аррӏе" → "apple". */
  isConfusable: boolean;
  /** Skeleton of the Unicode host, for comparing with brand names and domains. */
  skeleton: string;
}

/** What a canonical (ASCII) host looks like to a reader: its Unicode form and script warnings. */
export function analyseHostScripts(host: string): HostScripts {
  const isIdn = host.split(".").some((label) => label.startsWith("xn--"));
  const hostUnicode = isIdn ? domainToUnicode(host) || host : host;
  const labels = hostUnicode.split(".");
  const nonAscii = labels.filter((label) => !isAscii(label));
  return {
    hostUnicode,
    isIdn,
    isMixedScript: nonAscii.some(isMixedScriptLabel),
    isConfusable: nonAscii.some((label) => isAscii(confusableSkeleton(label))),
    skeleton: confusableSkeleton(hostUnicode),
  };
}
