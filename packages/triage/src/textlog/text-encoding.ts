/** Encodings a text log may come in: what Japanese Windows, network devices and Linux write. */
export type TextLogEncoding = "utf-8" | "utf-16le" | "utf-16be" | "shift_jis";

/** The decision for one file: an encoding (and how many BOM bytes to skip) or a refusal. */
export type EncodingVerdict =
  | { encoding: TextLogEncoding; bomLength: number }
  | { encoding: null; reason: string };

/** True when `bytes` decode without error in `encoding`; a character cut at the end is allowed. */
function decodesCleanly(bytes: Uint8Array, encoding: TextLogEncoding): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Share of zero bytes at even and at odd offsets: UTF-16 text without a BOM has many on one side. */
function zeroShares(head: Uint8Array): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? even++ : odd++;
  const half = Math.max(1, head.length / 2);
  return { even: even / half, odd: odd / half };
}

/**
 * Decides the encoding of a text log from its first bytes (64 KiB is plenty): a BOM (UTF-8,
 * UTF-16LE/BE) wins; else zero bytes on one side mean UTF-16 without BOM (Windows tools); else
 * valid UTF-8; else valid Shift_JIS / CP932 (WHATWG "shift_jis" is Microsoft's CP932); else
 * the file is refused with a reason rather than read as mojibake.
 */
export function detectTextEncoding(head: Uint8Array): EncodingVerdict {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  const zeros = zeroShares(head);
  if (zeros.odd > 0.3 && zeros.even < 0.05) return { encoding: "utf-16le", bomLength: 0 };
  if (zeros.even > 0.3 && zeros.odd < 0.05) return { encoding: "utf-16be", bomLength: 0 };
  if (decodesCleanly(head, "utf-8")) return { encoding: "utf-8", bomLength: 0 };
  if (decodesCleanly(head, "shift_jis")) return { encoding: "shift_jis", bomLength: 0 };
  return {
    encoding: null,
    reason:
      "文字コードを判別できません（UTF-8・UTF-16・Shift_JIS のいずれでもない、またはバイナリ） / unknown text encoding (not UTF-8, UTF-16 or Shift_JIS, or a binary file)",
  };
}
