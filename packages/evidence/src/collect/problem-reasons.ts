import type { ProblemKind, ProblemRecord } from "../manifest/manifest-types";

const REASONS: Record<ProblemKind, { ja: string; en: string }> = {
  "symlink-loop": { ja: "シンボリックリンクの循環のため除外", en: "Skipped: symbolic link loop" },
  device: { ja: "デバイスファイルのため除外", en: "Skipped: device file" },
  fifo: { ja: "名前付きパイプのため除外", en: "Skipped: named pipe (FIFO)" },
  socket: { ja: "ソケットのため除外", en: "Skipped: socket" },
  "not-found": { ja: "見つからない (リンク切れ・削除済み)", en: "Not found (dangling link or deleted)" },
  unreadable: {
    ja: "読み取れない (権限・ロック・I/O エラー)",
    en: "Unreadable (permission, lock or I/O error)",
  },
  locked: { ja: "他のプロセスがロック中のため読み取れない", en: "Locked by another process" },
  "permission-denied": { ja: "アクセス権がないため読み取れない", en: "Permission denied" },
  "read-error": { ja: "読み取り中にエラーが発生", en: "Error while reading" },
  excluded: {
    ja: "除外: 作成中のバンドル・ジャーナル・署名鍵",
    en: "Excluded: the bundle being written, its journal or the signing keys",
  },
};

/** Builds a problem record with a bilingual reason for a skipped or failed source. */
export function describeProblem(
  sourcePath: string,
  kind: ProblemKind,
  errno?: string,
  detail?: string,
): ProblemRecord {
  const refined: ProblemKind =
    kind === "unreadable" || kind === "read-error"
      ? errno === "EACCES" || errno === "EPERM"
        ? "permission-denied"
        : errno === "EBUSY" || errno === "ETXTBSY"
          ? "locked"
          : kind
      : kind;
  return {
    sourcePath,
    kind: refined,
    status: ["symlink-loop", "device", "fifo", "socket", "excluded"].includes(refined) ? "skipped" : "error",
    reason: REASONS[refined],
    ...(errno ? { errno } : {}),
    ...(detail ? { detail } : {}),
  };
}
