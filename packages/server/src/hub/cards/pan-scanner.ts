import { brandOf, luhnValid, maskPan } from "./card-number";

/**
 * Finds anything that looks like a full card number in text (issue 19 §2's no-plaintext test):
 * a 13–19 digit window that passes Luhn and sits in a brand's range, in the text as it is and with
 * single spaces/hyphens between digits removed ("4111 1111 1111 1111"). Digit runs inside long hex
 * tokens (SHA-256, HMAC, fingerprints) are skipped: random hex has 13-digit runs by chance; so is
 * the fractional part of a decimal number (`"responseTime":2.0848770000011427` in Fastify's log).
 * Returns masked hits only, so a failing test does not print the numbers either.
 */
export function findPanLike(text: string): string[] {
  const hits = new Set<string>();
  const joined = text.replace(/(?<=[0-9])[ -](?=[0-9])/g, "");
  for (const view of [text, joined]) {
    // Tokens first (one linear pass), digit runs inside them second: no backtracking pattern.
    for (const m of view.matchAll(/[0-9a-fA-F]+/g)) {
      const token = m[0];
      if (token.length < 13 || (token.length >= 32 && /[a-fA-F]/.test(token))) continue;
      const start = m.index ?? 0;
      if (isFraction(view, start)) continue;
      for (const run of token.match(/[0-9]+/g) ?? []) if (run.length >= 13) scanRun(run, hits);
    }
  }
  return [...hits];
}

/** The token follows "<digit>." : the decimals of a number, not an identifier. */
function isFraction(text: string, start: number): boolean {
  return start >= 2 && text[start - 1] === "." && /[0-9]/.test(text[start - 2] ?? "");
}

function scanRun(run: string, hits: Set<string>): void {
  for (let len = 13; len <= 19; len++) {
    for (let i = 0; i + len <= run.length; i++) {
      // Every brand range starts with 2–6: skip the rest before Luhn and the range table.
      const first = run.charCodeAt(i);
      if (first < 50 || first > 54) continue;
      const w = run.slice(i, i + len);
      if (luhnValid(w)) {
        const b = brandOf(w);
        if (b !== "unknown" && b !== "bad_length") hits.add(maskPan(w));
      }
    }
  }
}
