import { AppError } from "../errors/app-error";

/** Bounds for JSON from outside: total size, nesting depth, and elements (array items + object members). */
export type JsonLimits = { maxBytes: number; maxDepth: number; maxEntries: number };

export const REQUEST_JSON_LIMITS: JsonLimits = {
  maxBytes: 8 * 1024 * 1024,
  maxDepth: 64,
  maxEntries: 200_000,
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);
const COMMA = 0x2c;

/**
 * One linear pass over JSON text (string or UTF-8 bytes) that counts nesting and elements without
 * building anything, so a hostile document is refused before JSON.parse (whose recursion and
 * memory it would otherwise drive) and before any recursive walk of the result. Returns what is
 * over a limit, or undefined. Syntax is left to JSON.parse.
 */
export function jsonLimitProblem(input: string | Uint8Array, limits: JsonLimits): string | undefined {
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > limits.maxBytes) return `larger than ${limits.maxBytes} bytes`;
  const at = typeof input === "string" ? (i: number) => input.charCodeAt(i) : (i: number) => input[i]!;
  let depth = 0;
  let entries = 0;
  let inString = false;
  for (let i = 0; i < size; i++) {
    const c = at(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (OPEN.has(c)) {
      if (++depth > limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels`;
      entries++;
    } else if (CLOSE.has(c)) depth--;
    else if (c === COMMA && ++entries > limits.maxEntries) return `more than ${limits.maxEntries} elements`;
  }
  return undefined;
}

/** JSON.parse within limits; over a limit or malformed → AppError (413 or 400) naming `what`. */
export function parseJsonWithin(input: string | Uint8Array, limits: JsonLimits, what: string): unknown {
  const problem = jsonLimitProblem(input, limits);
  if (problem) {
    const tooLarge = problem.startsWith("larger");
    throw new AppError(tooLarge ? "PAYLOAD_TOO_LARGE" : "VALIDATION", {
      field: what,
      detail: {
        ja: `${what} が上限を超えています(${problem})。`,
        en: `${what} is over a limit (${problem}).`,
      },
    });
  }
  try {
    return JSON.parse(typeof input === "string" ? input : Buffer.from(input).toString("utf8"));
  } catch {
    throw new AppError("VALIDATION", {
      field: what,
      detail: { ja: `${what} が JSON として読めません。`, en: `${what} is not valid JSON.` },
    });
  }
}
