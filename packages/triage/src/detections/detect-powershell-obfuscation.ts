import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byTimeAndId, overTimeline, slim } from "./builtin-rule";
import { groupBy, isWindowsEvent, makeDetection } from "./detection-helpers";

const POWERSHELL = "Microsoft-Windows-PowerShell/Operational";
/** Shorter script blocks are too small to judge by their characters. */
const MIN_LENGTH = 100;
/** Ordinary scripts are mostly letters and digits; DeepBlueCLI uses the same 65 % bound. */
const MIN_ALNUM_SHARE = 0.65;
/** Counts of tricks that obfuscators (Invoke-Obfuscation) repeat. */
const MIN_REPEATS = 10;

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Why a script block looks obfuscated, or null. Loops and indexOf only: linear on any input. */
export function obfuscationSigns(text: string): string | null {
  if (text.length < MIN_LENGTH) return null;
  let alnum = 0;
  let braces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) alnum++;
    else if (c === 123) braces++;
  }
  const share = alnum / text.length;
  if (share < MIN_ALNUM_SHARE) return `letters and digits ${(share * 100).toFixed(0)} %`;
  const concatenations = count(text, "'+'") + count(text, '"+"');
  if (concatenations >= MIN_REPEATS) return `${concatenations} string concatenations`;
  if (braces >= MIN_REPEATS * 2 && count(text, "-f") > 0) return `format string with ${braces} placeholders`;
  const casts = count(text.toLowerCase(), "[char]");
  if (casts >= MIN_REPEATS) return `${casts} [char] casts`;
  if (count(text, "`") >= MIN_REPEATS * 2) return "many backticks";
  return null;
}

/**
 * Obfuscated PowerShell in script block logging (4104): the way attackers hide download cradles
 * and tooling from keyword rules (MITRE ATT&CK T1027, T1059.001). One finding per host.
 */
function findObfuscation(hits: Array<{ e: TTimelineEvent; why: string }>): TDetection[] {
  return [...groupBy(hits, (h) => h.e.host).values()].map((group) => {
    const first = group[0] as { e: TTimelineEvent; why: string };
    return makeDetection(
      "powershell-obfuscated",
      { ja: "難読化された PowerShell", en: "Obfuscated PowerShell" },
      {
        ja: `${first.e.host} で難読化された PowerShell スクリプトが ${group.length} 件実行されました（例: ${first.why}）。キーワード検知を逃れる攻撃の典型です。スクリプト全文を確認してください。`,
        en: `${group.length} obfuscated PowerShell script block(s) ran on ${first.e.host} (e.g. ${first.why}): typical of evading keyword detection. Read the whole scripts.`,
      },
      "high",
      group.map((h) => h.e),
    );
  });
}

export const powerShellObfuscationRule: BuiltinRule = {
  name: "powershell-obfuscated",
  inputs: { windows: [`${POWERSHELL}:4104`], textLog: false },
  start() {
    // Each hit without its script block: the finding shows the host, a count and the first reason.
    const hits: Array<{ e: TTimelineEvent; why: string }> = [];
    return {
      add(e) {
        if (!isWindowsEvent(e, POWERSHELL, 4104)) return;
        const why = obfuscationSigns(e.details.ScriptBlockText ?? "");
        if (why) hits.push({ e: slim(e), why });
      },
      finish: () => findObfuscation(hits.sort((a, b) => byTimeAndId(a.e, b.e))),
    };
  },
};

export const detectPowerShellObfuscation = overTimeline(powerShellObfuscationRule);
