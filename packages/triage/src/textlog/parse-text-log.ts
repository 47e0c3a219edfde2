import { resolveOptions } from "./log-time";
import { parseCiscoAsaLine } from "./parse-cisco-asa-line";
import { parseFortigateLine } from "./parse-fortigate-line";
import { parseOpenVpnLine } from "./parse-openvpn-line";
import { parsePanOsLine } from "./parse-pan-os-line";
import { parsePulseSecureLine } from "./parse-pulse-secure-line";
import { parseSonicwallLine } from "./parse-sonicwall-line";
import { parseSshdLine } from "./parse-sshd-line";
import { readTextLines, type TextLogLimits, type TextLogProblem } from "./read-text-lines";
import type { LineParser, ParsedLogLine, TextLogOptions } from "./text-log-types";

/** Options for reading a whole text log: time reading, limits and where cut lines are reported. */
export interface TextLogReadOptions extends TextLogOptions, TextLogLimits {
  onProblem?: (problem: TextLogProblem) => void;
}

/** Tried in order; the first that recognises a line wins. Cheap marker checks come first. */
const PARSERS: LineParser[] = [
  parseFortigateLine,
  parseCiscoAsaLine,
  parsePanOsLine,
  parseSonicwallLine,
  parsePulseSecureLine,
  parseSshdLine,
  parseOpenVpnLine,
];

/** A recognised line with its 1-based line number. */
export interface ParsedLogEntry extends ParsedLogLine {
  lineNumber: number;
}

/** Parses one line with whichever format recognises it; null when none does. */
export function parseTextLogLine(line: string, opts: TextLogOptions = {}): ParsedLogLine | null {
  return parseResolved(line, resolveOptions(opts));
}

/**
 * Streams the recognised lines of a text log, a block at a time, in any supported format (sshd
 * auth.log / secure, FortiGate, Cisco ASA, PAN-OS / GlobalProtect, Ivanti/Pulse Connect Secure,
 * OpenVPN, SonicWall) and encoding (see readTextLines). Lines of no interest are skipped; cut
 * lines, the time limit and refused encodings go to `opts.onProblem`.
 */
export async function* readTextLogEntries(
  path: string,
  opts: TextLogReadOptions = {},
): AsyncGenerator<ParsedLogEntry[]> {
  const resolved = resolveOptions(opts);
  for await (const lines of readTextLines(path, opts, opts.onProblem ?? (() => undefined))) {
    const out: ParsedLogEntry[] = [];
    for (const { line, lineNumber } of lines) {
      const hit = parseResolved(line, resolved);
      if (hit) out.push({ ...hit, lineNumber });
    }
    if (out.length > 0) yield out;
  }
}

function parseResolved(line: string, resolved: Required<TextLogOptions>): ParsedLogLine | null {
  for (const parse of PARSERS) {
    const hit = parse(line, resolved);
    if (hit) return hit;
  }
  return null;
}

/** A whole text log (path, or lines already in memory) in memory: for tests and small inputs. */
export async function parseTextLog(
  input: string | string[],
  opts: TextLogReadOptions = {},
): Promise<ParsedLogEntry[]> {
  if (Array.isArray(input)) {
    const resolved = resolveOptions(opts);
    return input.flatMap((line, i) => {
      const hit = parseResolved(line.replace(/\r$/, ""), resolved);
      return hit ? [{ ...hit, lineNumber: i + 1 }] : [];
    });
  }
  const out: ParsedLogEntry[] = [];
  for await (const entries of readTextLogEntries(input, opts)) out.push(...entries);
  return out;
}
