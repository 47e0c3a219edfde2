/**
 * Percent-escapes as Google Safe Browsing v4 handles them. Both functions work on "byte strings": one
 * JavaScript character per byte (0x00–0xFF), because the Safe Browsing rules are defined on bytes
 * (unescaping "%80" yields the byte 0x80, not U+0080 encoded as UTF-8).
 */

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Unescapes until no "%XX" is left ("%25%32%35" → "%25" → "%"). Instead of re-scanning the whole string
 * once per round (quadratic on "%252525…"), the output is kept as a stack: whenever its last three
 * characters form an escape they are replaced by the byte, which may complete an escape in turn. Every
 * input byte is pushed once and every replacement shortens the stack, so the work is linear.
 */
export function unescapeRepeatedly(bytes: string): string {
  if (!bytes.includes("%")) return bytes;
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    out[n++] = bytes.charCodeAt(i);
    while (n >= 3 && out[n - 3] === 0x25) {
      const hi = hexValue(out[n - 2]!);
      const lo = hexValue(out[n - 1]!);
      if (hi < 0 || lo < 0) break;
      n -= 3;
      out[n++] = (hi << 4) | lo;
    }
  }
  return Buffer.from(out.buffer, 0, n).toString("latin1");
}

const HEX = "0123456789ABCDEF";

function needsEscape(c: number): boolean {
  return c <= 0x20 || c >= 0x7f || c === 0x23 || c === 0x25;
}

/** Escapes bytes <= 0x20 (space and controls), >= 0x7F, "#" and "%" with upper-case hex, as the spec says. */
export function escapeUnsafe(bytes: string): string {
  let first = 0;
  while (first < bytes.length && !needsEscape(bytes.charCodeAt(first))) first++;
  if (first === bytes.length) return bytes; // the common case: nothing to escape, no copy
  const out = new Uint8Array(bytes.length * 3);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (needsEscape(c)) {
      out[n++] = 0x25;
      out[n++] = HEX.charCodeAt(c >> 4);
      out[n++] = HEX.charCodeAt(c & 15);
    } else out[n++] = c;
  }
  return Buffer.from(out.buffer, 0, n).toString("latin1");
}

/** Whether every character is ASCII (a loop: a regex for it would need control characters). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** UTF-8 bytes of a text as a byte string. */
export function toByteString(text: string): string {
  // Pure ASCII (the common case) is its own byte string.
  if (isAscii(text)) return text;
  return Buffer.from(text, "utf8").toString("latin1");
}

/** The text a byte string holds when it is valid UTF-8, else null. */
export function fromByteString(bytes: string): string | null {
  if (isAscii(bytes)) return bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(bytes, "latin1"));
  } catch {
    return null;
  }
}
