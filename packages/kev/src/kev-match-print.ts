import type { KevMatch, KevMatchResult } from "./kev-types";
import { NVD_NOTICE } from "./ranges/nvd-range-types";

const VERDICT_LABEL = {
  affected: "該当 / affected",
  "version-unknown": "要確認 / unknown",
  "not-affected-by-version": "対象外 / not affected",
} as const;

function describe(m: KevMatch): string {
  const weakness = m.weaknesses
    .map((w) => (w.label ? `${w.cwe} ${w.label.ja} (${w.label.en})` : w.cwe))
    .join(", ");
  const lines = [
    `${m.cveID}  ${VERDICT_LABEL[m.versionVerdict]}  期限 due ${m.dueDate}${m.fixedVersion ? `  修正版 fixed ${m.fixedVersion}` : ""}${m.knownRansomwareCampaignUse === "Known" ? "  ランサムウェアで悪用 / used by ransomware" : ""}`,
    `    ${m.vulnerabilityName}${weakness ? ` — ${weakness}` : ""}`,
    `    根拠 basis: ${m.reason.ja}`,
    `                ${m.reason.en}`,
  ];
  if (m.versionVerdict === "version-unknown" && m.advisoryUrl) {
    lines.push(`    ベンダー勧告 advisory: ${m.advisoryUrl}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The matches as text: affected first, then unknown, then a count of not-affected entries. */
export function formatMatchResult(result: KevMatchResult): string {
  const c = result.catalog;
  const of = (v: KevMatch["versionVerdict"]) => result.matches.filter((m) => m.versionVerdict === v);
  const affected = of("affected");
  const unknown = of("version-unknown");
  const notAffected = of("not-affected-by-version");
  const out = [
    `KEV ${c.version} (${c.dateReleased}, ${c.source}): 該当 affected ${affected.length} / 要確認 unknown ${unknown.length} / 対象外 not affected ${notAffected.length}\n`,
    ...affected.map(describe),
    ...unknown.map(describe),
  ];
  if (notAffected.length > 0) {
    out.push(
      `対象外 not affected (${notAffected.length}): ${notAffected.map((m) => m.cveID).join(" ")}\n  （--json で根拠を表示 / --json shows the basis of each）\n`,
    );
  }
  out.push(`${NVD_NOTICE}\n`);
  return out.join("");
}
