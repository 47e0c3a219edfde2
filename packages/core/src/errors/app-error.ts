import { ERROR_CODES, type ErrorCode, type Lang } from "./error-codes";

/** A message in both product languages. */
export type LocalisedText = { ja: string; en: string };

/**
 * The one error class of Sonae. Services throw it; the HTTP layer and the CLI map its code
 * through ERROR_CODES. `detail` overrides the table's generic message when the caller can say more.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: LocalisedText;
  readonly field?: string;

  constructor(code: ErrorCode, options: { detail?: LocalisedText; field?: string; cause?: unknown } = {}) {
    super(options.detail?.en ?? ERROR_CODES[code].en, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.detail = options.detail;
    this.field = options.field;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  /** The message for a person, in their language. */
  messageIn(lang: Lang): string {
    return this.detail?.[lang] ?? ERROR_CODES[this.code][lang];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The one shape of every error body the API returns. */
export type ErrorBody = { error: { code: ErrorCode; message: string; field?: string } };
