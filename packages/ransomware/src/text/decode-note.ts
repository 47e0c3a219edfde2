import { extractScriptStrings, isLikelyHtml, stripHtml } from "./strip-html";

/** Input cap: notes are a few KB; anything past 1 MiB is padding or an attack on the parser. */
export const MAX_NOTE_BYTES = 1024 * 1024;
/** Line cap: real notes have lines < 2,000 chars; a 10 MB single line must not reach the n-gram code. */
export const MAX_LINE_CHARS = 4096;

// Matching control characters is the purpose of these expressions (binary junk, bidi tricks).
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters on purpose
const BINARY_CHAR_RE = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: keeping what is between control characters
const PRINTABLE_RUN_RE = /[^\u0000-\u0008\u000E-\u001F\u007F\uFFFD]{6,}/g;
// Control chars and bidi overrides (used to disguise text) are dropped; \n and \t stay.
const INVISIBLE_CHAR_RE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters on purpose
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFFFD]/g;

const MIN_VISIBLE_CHARS = 300;

export type DecodedNote = {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "string";
  wasHtml: boolean;
  wasTruncated: boolean;
  looksBinary: boolean;
};

/**
 * Decodes an attacker-written ransom note into inert, normalised plain text.
 * Handles BOMs, UTF-16 without BOM (NUL-heavy), legacy single-byte notes, HTML/HTA (tags,
 * scripts and styles stripped, entities decoded), binary junk (printable runs kept), and caps
 * both the total size and the line length. The result is never HTML and is safe to display as text.
 */
export function decodeNote(input: string | Uint8Array): DecodedNote {
  let wasTruncated = false;
  let text: string;
  let encoding: DecodedNote["encoding"];
  if (typeof input === "string") {
    encoding = "string";
    text = input.length > MAX_NOTE_BYTES ? input.slice(0, MAX_NOTE_BYTES) : input;
    wasTruncated = input.length > MAX_NOTE_BYTES;
  } else {
    const bytes = removeNulRuns(input.length > MAX_NOTE_BYTES ? input.subarray(0, MAX_NOTE_BYTES) : input);
    wasTruncated = input.length > MAX_NOTE_BYTES;
    encoding = detectEncoding(bytes);
    text = decodeBytes(bytes, encoding);
  }
  text = text.replace(/^\uFEFF/, "");
  const wasHtml = isLikelyHtml(text);
  if (wasHtml) {
    const visible = stripHtml(text);
    // Almost nothing visible: the message lives in script strings (read as text, never run).
    text = visible.trim().length < MIN_VISIBLE_CHARS ? `${visible}\n${extractScriptStrings(text)}` : visible;
  }
  const looksBinary = isMostlyUnprintable(text);
  if (looksBinary) text = keepPrintableRuns(text);
  return { text: normaliseText(text), encoding, wasHtml, wasTruncated, looksBinary };
}

/**
 * Some lockers write the note from a fixed-size buffer, leaving kilobytes of NULs inside or after
 * the text (ThreatLabz braincipher). Runs of 8+ NULs never occur in UTF-8 or UTF-16 text, so they
 * are removed (an even count, so that UTF-16 text keeps its alignment).
 */
function removeNulRuns(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] !== 0) {
      out[n++] = bytes[i++]!;
      continue;
    }
    let j = i;
    while (j < bytes.length && bytes[j] === 0) j++;
    const run = j - i;
    const keep = run >= 8 ? run % 2 : run;
    for (let k = 0; k < keep; k++) out[n++] = 0;
    i = j;
  }
  return out.subarray(0, n);
}

function detectEncoding(bytes: Uint8Array): DecodedNote["encoding"] {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  // UTF-16 without BOM: ASCII text leaves a NUL in every other byte.
  const sample = bytes.subarray(0, 4096);
  let oddNul = 0;
  let evenNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 1) oddNul++;
      else evenNul++;
    }
  }
  const half = sample.length / 2;
  if (half > 8 && oddNul > half * 0.3 && evenNul < half * 0.05) return "utf-16le";
  if (half > 8 && evenNul > half * 0.3 && oddNul < half * 0.05) return "utf-16be";
  // Mostly valid UTF-8 with a stray bad byte (or a character cut at the size cap) stays UTF-8;
  // otherwise it is a legacy single-byte note (cp1252 quotes and dashes).
  const replaced = new TextDecoder("utf-8").decode(bytes).match(/\uFFFD/g)?.length ?? 0;
  return replaced <= Math.max(2, bytes.length / 200) ? "utf-8" : "windows-1252";
}

function decodeBytes(bytes: Uint8Array, encoding: DecodedNote["encoding"]): string {
  const label = encoding === "string" ? "utf-8" : encoding;
  return new TextDecoder(label, { fatal: false }).decode(bytes);
}

function isMostlyUnprintable(text: string): boolean {
  const sample = text.slice(0, 65536);
  if (sample.length === 0) return false;
  // Control chars (except whitespace) and U+FFFD replacement chars mark binary data.
  const bad = sample.match(BINARY_CHAR_RE)?.length ?? 0;
  return bad / sample.length > 0.1;
}

function keepPrintableRuns(text: string): string {
  // Like strings(1): keep runs of >= 6 printable characters, one per line.
  return (text.match(PRINTABLE_RUN_RE) ?? []).join("\n");
}

function normaliseText(text: string): string {
  const lines = text.normalize("NFKC").replace(/\r\n?/g, "\n").replace(INVISIBLE_CHAR_RE, "").split("\n");
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/[\t ]+/g, " ").trim();
    out.push(line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line);
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
