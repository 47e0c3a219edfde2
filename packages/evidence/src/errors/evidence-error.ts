/** A message shown to a user, Japanese first (STYLE: user-facing strings in both languages). */
export interface LocalisedText {
  ja: string;
  en: string;
}

/** Machine-readable codes for every failure of the evidence engine. */
export type EvidenceErrorCode =
  | "OUTPUT_EXISTS"
  | "PREVIOUS_RUN_EXISTS"
  | "NOTHING_TO_RESUME"
  | "RESUME_MISMATCH"
  | "NO_INPUT"
  | "DISK_FULL"
  | "WRITE_FAILED"
  | "INTERRUPTED"
  | "KEY_STORE"
  | "INVALID_BUNDLE"
  | "UNSAFE_ENTRY_NAME"
  | "ZIP_BOMB"
  | "BUNDLE_TOO_LARGE"
  | "VERIFICATION_FAILED"
  | "NOT_FOUND"
  | "INTEGRITY";

/**
 * The one error class of this package. The lead maps `code` to HTTP status / CLI exit code;
 * `text` is safe to show to the user.
 */
export class EvidenceError extends Error {
  readonly code: EvidenceErrorCode;
  readonly text: LocalisedText;
  readonly details: Record<string, unknown>;

  constructor(
    code: EvidenceErrorCode,
    text: LocalisedText,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${text.en}`, options);
    this.name = "EvidenceError";
    this.code = code;
    this.text = text;
    this.details = details;
  }
}

/** Error code of a Node system error (`ENOSPC`, `EACCES`…), or undefined. */
export function getErrnoCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

/** Turns a failed write of the bundle into a clear error; disk full gets its own code. */
export function toWriteError(error: unknown, path: string): EvidenceError {
  if (error instanceof EvidenceError) return error;
  const errno = getErrnoCode(error);
  if (errno === "ENOSPC" || errno === "EDQUOT") {
    return new EvidenceError(
      "DISK_FULL",
      {
        ja: `出力先のディスクが一杯です。証拠バンドルは完成していません: ${path}`,
        en: `The output disk is full. The evidence bundle is NOT complete: ${path}`,
      },
      { path, errno },
      { cause: error },
    );
  }
  return new EvidenceError(
    "WRITE_FAILED",
    {
      ja: `証拠バンドルを書き込めませんでした (${errno ?? "不明"}): ${path}`,
      en: `Could not write the evidence bundle (${errno ?? "unknown"}): ${path}`,
    },
    { path, errno },
    { cause: error },
  );
}
