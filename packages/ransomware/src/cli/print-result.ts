import type { TIdentifyResult } from "../result-schema";

/** Terminal escape sequences in attacker text or file names must not reach the terminal. */
function toInert(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal control characters on purpose
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, "");
}

/** Human-readable report, Japanese first then English. Attacker artefacts are printed defanged. */
export function formatResult(result: TIdentifyResult): string {
  const lines: string[] = [];
  if (result.status === "identified") {
    const top = result.candidates[0]!;
    lines.push(
      `特定結果 / Identified: ${top.displayName} (${top.family})  信頼度 / confidence ${pct(top.confidence)}`,
    );
  } else {
    lines.push("不明: 確かな一致はありません / Unknown: no convincing match");
  }
  if (result.candidates.length > 0) lines.push("", "候補 / Candidates:");
  for (const c of result.candidates) {
    const syn = c.synonyms.length > 0 ? ` [${c.synonyms.slice(0, 4).join(", ")}]` : "";
    lines.push(`  ${pct(c.confidence).padStart(4)}  ${c.displayName} (${c.family})${syn}`);
    for (const e of c.evidence.slice(0, 8)) {
      lines.push(`        - ${e.kind}: ${toInert(e.value).slice(0, 120)}  — ${e.detail.ja} / ${e.detail.en}`);
    }
  }
  const g = result.guidance;
  lines.push("", "復号ツール / Decryptors:", `  ${g.decryptorStatus.ja}`, `  ${g.decryptorStatus.en}`);
  for (const d of g.decryptors) {
    lines.push(`  - ${d.name} — ${d.provider} (${d.knownAsOf})${d.url ? ` ${d.url}` : ""}`);
  }
  lines.push("", "警察 / Police:", ...g.policeTools.ja.split("\n").map((l) => `  ${l}`));
  lines.push(...g.policeTools.en.split("\n").map((l) => `  ${l}`));
  lines.push("", "保全するもの / Preserve:");
  for (const p of g.preserve) lines.push(`  - ${p.ja} / ${p.en}`);
  lines.push(
    "",
    "身代金の支払い / Paying the ransom:",
    `  ${g.payment.summary.ja}`,
    `  ${g.payment.summary.en}`,
  );
  lines.push(`  (${g.payment.citation})`);
  lines.push("", "最新情報 / Check current lists:");
  for (const c of g.checkLive) lines.push(`  - ${c.label.ja} / ${c.label.en}: ${c.url}`);
  lines.push(
    "",
    `出典 / Sources: ${result.knowledgeBase.sources.map((s) => `${s.name} (${s.asOf})`).join("; ")}`,
  );
  return lines.join("\n");
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
