import type { LocalisedText } from "./kev-types";

export type KevErrorCode = "INVALID_CATALOG" | "FETCH_FAILED" | "READ_FAILED";

/**
 * Error of the KEV package. `code` lets the server/CLI map it (INVALID_CATALOG → 400 / exit 1,
 * FETCH_FAILED → 502 / exit 1); `userMessage` is shown as is.
 */
export class KevError extends Error {
  readonly code: KevErrorCode;
  readonly userMessage: LocalisedText;

  constructor(code: KevErrorCode, userMessage: LocalisedText, options?: { cause?: unknown }) {
    super(userMessage.en, options);
    this.name = "KevError";
    this.code = code;
    this.userMessage = userMessage;
  }
}
