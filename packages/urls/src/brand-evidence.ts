import { type BrandIndex, compactText, foldName, type TBrand } from "./brand-catalogue";
import { confusableSkeleton } from "./idn-analysis";

/** Where a brand was seen, strongest first. */
export type BrandEvidenceKind = "host" | "host_inside_word" | "host_confusable" | "title" | "path";

export interface BrandEvidence {
  brand: TBrand;
  kind: BrandEvidenceKind;
  /** The keyword, token or name that matched. */
  word: string;
}

const STRENGTH: Record<BrandEvidenceKind, number> = {
  host: 5,
  host_confusable: 4,
  title: 3,
  host_inside_word: 2,
  path: 1,
};

function tokensOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Offsets in the compact text where each token starts ("smbc-card" → 0, 4). */
function tokenStarts(tokens: string[]): Set<number> {
  const starts = new Set<number>();
  let offset = 0;
  for (const token of tokens) {
    starts.add(offset);
    offset += token.length;
  }
  return starts;
}

/**
 * Brand words in the part of the host an attacker chose (public suffix and shared-hosting suffix already
 * removed by the caller). A keyword at the start of a label part ("amazon-jp", "smbccard") is strong; inside
 * a word ("pineapple") it is weak, so a popular site that happens to contain a brand word is not phishing.
 */
export function findHostBrandEvidence(
  index: BrandIndex,
  subjectHost: string,
  subjectUnicode = subjectHost,
): BrandEvidence[] {
  // A DNS name is at most 253 characters; the cap also bounds the skeleton look-up below.
  const tokens = tokensOf(subjectHost.slice(0, 253));
  const compact = tokens.join("");
  const starts = tokenStarts(tokens);
  const found: BrandEvidence[] = [];
  for (const { word, brand } of index.keywords) {
    const at = compact.indexOf(word);
    if (at < 0) continue;
    found.push({ brand, kind: starts.has(at) ? "host" : "host_inside_word", word });
  }
  tokens.forEach((token, i) => {
    const brand = index.tokens.get(token);
    if (!brand) return;
    // A two- or three-letter name ("au", "jcb") is strong only when it leads a longer name ("au-id-login"):
    // alone or further right it is as likely a country code or an abbreviation ("2.au.download…").
    const leads = i === 0 && tokens.length > 1;
    found.push({ brand, kind: token.length > 3 || leads ? "host" : "host_inside_word", word: token });
  });
  const unicodeCompact = subjectUnicode
    .slice(0, 253)
    .toLowerCase()
    .replace(/[\s._-]+/g, "");
  if (!found.length && unicodeCompact.length >= 5) {
    // "arnazon", "paypa1", "аmazon" (Cyrillic а): compare UTS #39 skeletons of the host and of each keyword.
    const skeleton = confusableSkeleton(unicodeCompact);
    for (const { word, skeleton: wordSkeleton, brand } of index.keywords)
      if (word.length >= 5 && skeleton.includes(wordSkeleton))
        found.push({ brand, kind: "host_confusable", word });
  }
  return found;
}

/**
 * Brand words at the start of a path or query segment ("/amazon/signin", "?u=https://eki-net-…", "/jcbindex"),
 * also across "-" and "." ("eki-net" → "ekinet"); weak evidence.
 */
export function findPathBrandEvidence(index: BrandIndex, path: string): BrandEvidence[] {
  const tokens = tokensOf(path.slice(0, 2048));
  const compact = tokens.join("");
  const starts = tokenStarts(tokens);
  const found: BrandEvidence[] = [];
  const atSegmentStart = (word: string) => {
    for (let at = compact.indexOf(word); at >= 0; at = compact.indexOf(word, at + 1))
      if (starts.has(at)) return true;
    return false;
  };
  for (const { word, brand } of index.keywords)
    if (atSegmentStart(word)) found.push({ brand, kind: "path", word });
  // Short names too: weak evidence, and on the validation months it was right more often than not.
  for (const [word, brand] of index.tokens)
    if (word.length >= 3 && atSegmentStart(word)) found.push({ brand, kind: "path", word });
  return found;
}

/** Brand names in a captured page title ("三井住友カード | ログイン"). Names shorter than 3 characters are skipped. */
export function findTitleBrandEvidence(index: BrandIndex, title: string): BrandEvidence[] {
  const folded = foldName(title.slice(0, 1024));
  const found: BrandEvidence[] = [];
  for (const { folded: name, brand } of index.names)
    if (name.length >= 3 && folded.includes(name)) found.push({ brand, kind: "title", word: name });
  return found;
}

/** The best-supported brand: strongest evidence first, then the longest word (smbccard beats smbc). */
export function pickBrand(evidence: BrandEvidence[]): BrandEvidence | null {
  let best: BrandEvidence | null = null;
  for (const e of evidence) {
    if (
      !best ||
      STRENGTH[e.kind] > STRENGTH[best.kind] ||
      (STRENGTH[e.kind] === STRENGTH[best.kind] && e.word.length > best.word.length)
    )
      best = e;
  }
  return best;
}

export function isStrongHostEvidence(e: BrandEvidence): boolean {
  return e.kind === "host" || e.kind === "host_confusable";
}

export { compactText };
