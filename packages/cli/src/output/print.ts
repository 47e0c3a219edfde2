import { AppError, isAppError } from "@sonae/core";

/** Prints data as JSON (for scripts) or as aligned "key: value" lines (for people). */
export function printResult(data: Record<string, unknown>, asJson: boolean): void {
  if (asJson) {
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  const width = Math.max(...Object.keys(data).map((k) => k.length));
  for (const [key, value] of Object.entries(data)) {
    const text = typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
    process.stdout.write(`${key.padEnd(width)}  ${text}\n`);
  }
}

/**
 * Prints an error in Japanese then English and returns the exit code from the one code table,
 * so a script can tell "locked" from "invalid input" from "database down".
 */
export function reportError(error: unknown): number {
  const appError = isAppError(error) ? error : new AppError("INTERNAL", { cause: error });
  process.stderr.write(`エラー: ${appError.messageIn("ja")}\nError: ${appError.messageIn("en")}\n`);
  if (!isAppError(error) && error instanceof Error) process.stderr.write(`${error.stack ?? error.message}\n`);
  return appError.exitCode;
}
