import { createHash } from "node:crypto";
import type { LocalisedText } from "../errors/evidence-error";
import { stringifyCanonical } from "../util/canonical-json";

/** One event in the chain of custody, before it is chained. */
export interface CustodyEvent {
  /** ISO 8601 time of the event. */
  at: string;
  /** Who acted (examiner, user id, "system"). */
  actor: string;
  /** Dotted verb, e.g. `preservation.started`, `vault.downloaded`. */
  action: string;
  details: Record<string, unknown>;
}

/** A chained custody entry: `hash` covers every other field, `prevHash` links the previous entry. */
export interface CustodyEntry extends CustodyEvent {
  seq: number;
  prevHash: string | null;
  hash: string;
}

/** A problem found in a custody chain, pointing at the entry by its position. */
export interface CustodyFailure {
  index: number;
  code: "BAD_HASH" | "BROKEN_LINK" | "BAD_SEQUENCE" | "HEAD_MISMATCH" | "EMPTY" | "MALFORMED";
  message: LocalisedText;
}

/** Hash of an entry's content (everything but `hash`), as stored in `hash`. */
export function computeCustodyHash(entry: Omit<CustodyEntry, "hash">): string {
  const { seq, at, actor, action, details, prevHash } = entry;
  return createHash("sha256")
    .update(stringifyCanonical({ seq, at, actor, action, details, prevHash }))
    .digest("hex");
}

/**
 * Builds the entry that follows `prev` (null for the first one). Pure: the caller stores it
 * (bundle: custody.jsonl; server: an append-only DB row whose first `prev` is the bundle's head).
 */
export function appendCustodyEntry(prev: CustodyEntry | null, event: CustodyEvent): CustodyEntry {
  const base = {
    seq: prev ? prev.seq + 1 : 0,
    at: event.at,
    actor: event.actor,
    action: event.action,
    details: event.details,
    prevHash: prev ? prev.hash : null,
  };
  return { ...base, hash: computeCustodyHash(base) };
}

/**
 * Checks every hash and link. `firstPrevHash` is the hash the first entry must point to
 * (null for a chain that starts in a bundle); `expectedHeadHash` pins the last entry, so that
 * dropping entries from the end is caught too.
 */
export function verifyCustodyChain(
  entries: readonly CustodyEntry[],
  options: { firstPrevHash?: string | null; expectedHeadHash?: string } = {},
): CustodyFailure[] {
  const failures: CustodyFailure[] = [];
  if (entries.length === 0) {
    return [{ index: 0, code: "EMPTY", message: { ja: "保管記録が空です", en: "The custody log is empty" } }];
  }
  const firstPrev = options.firstPrevHash ?? null;
  const firstSeq = entries[0]?.seq ?? 0;
  entries.forEach((entry, index) => {
    const expectedPrev = index === 0 ? firstPrev : (entries[index - 1]?.hash ?? null);
    if (entry.seq !== firstSeq + index || (index === 0 && firstPrev === null && entry.seq !== 0)) {
      failures.push({
        index,
        code: "BAD_SEQUENCE",
        message: {
          ja: `保管記録 ${index + 1} 件目の番号 ${entry.seq} が連続していません`,
          en: `Custody entry #${index + 1} has sequence ${entry.seq}, out of order`,
        },
      });
    }
    if (entry.prevHash !== expectedPrev) {
      failures.push({
        index,
        code: "BROKEN_LINK",
        message: {
          ja: `保管記録 ${index + 1} 件目が直前の記録を指していません (削除・並べ替えの疑い)`,
          en: `Custody entry #${index + 1} does not point to the previous entry (removed or reordered?)`,
        },
      });
    }
    if (computeCustodyHash(entry) !== entry.hash) {
      failures.push({
        index,
        code: "BAD_HASH",
        message: {
          ja: `保管記録 ${index + 1} 件目の内容がハッシュと一致しません (改ざんの疑い)`,
          en: `Custody entry #${index + 1} does not match its hash (edited?)`,
        },
      });
    }
  });
  const head = entries[entries.length - 1];
  if (options.expectedHeadHash !== undefined && head?.hash !== options.expectedHeadHash) {
    failures.push({
      index: entries.length - 1,
      code: "HEAD_MISMATCH",
      message: {
        ja: "保管記録の最後の記録がマニフェストの記載と一致しません (末尾の削除・追加の疑い)",
        en: "The last custody entry is not the one the manifest names (entries removed or added at the end?)",
      },
    });
  }
  return failures;
}

/** Parses custody.jsonl; throws on a line that is not a custody entry. */
export function parseCustodyLog(text: string): CustodyEntry[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const value: unknown = JSON.parse(line);
      if (!isCustodyEntry(value)) throw new Error(`not a custody entry: ${line.slice(0, 80)}`);
      return value;
    });
}

function isCustodyEntry(value: unknown): value is CustodyEntry {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.seq === "number" &&
    typeof v.at === "string" &&
    typeof v.actor === "string" &&
    typeof v.action === "string" &&
    typeof v.hash === "string" &&
    (v.prevHash === null || typeof v.prevHash === "string") &&
    typeof v.details === "object" &&
    v.details !== null
  );
}
