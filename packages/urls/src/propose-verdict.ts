import type { NormalisedUrl, VerdictProposal } from "./url-contracts";

/** Interim: the brand and verdict assistant lands in the next commit; until then every URL is "unknown". */
export function proposeVerdict(
  _url: NormalisedUrl,
  _capture?: { title?: string; html?: string },
): VerdictProposal {
  return {
    verdict: "unknown",
    brand: null,
    reasons: [{ ja: "判定支援はまだ準備中です。", en: "The verdict assistant is not ready yet." }],
  };
}
