import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { resolveOptions } from "./log-time";
import { parseCiscoAsaLine } from "./parse-cisco-asa-line";
import { parseFortigateLine } from "./parse-fortigate-line";
import { parseOpenVpnLine } from "./parse-openvpn-line";
import { parsePanOsLine } from "./parse-pan-os-line";
import { parsePulseSecureLine } from "./parse-pulse-secure-line";
import { parseSonicwallLine } from "./parse-sonicwall-line";
import { parseSshdLine } from "./parse-sshd-line";
import type { LineParser, ParsedLogLine, TextLogOptions } from "./text-log-types";

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
  const resolved = resolveOptions(opts);
  for (const parse of PARSERS) {
    const hit = parse(line, resolved);
    if (hit) return hit;
  }
  return null;
}

/**
 * Parses a text log (path, or lines already in memory) of any supported format: sshd auth.log /
 * secure, FortiGate, Cisco ASA, PAN-OS / GlobalProtect, Ivanti/Pulse Connect Secure, OpenVPN,
 * SonicWall. Lines of no interest (not authentication / VPN / threat) are skipped.
 */
export async function parseTextLog(
  input: string | string[],
  opts: TextLogOptions = {},
): Promise<ParsedLogEntry[]> {
  const out: ParsedLogEntry[] = [];
  let n = 0;
  const take = (line: string) => {
    n++;
    const hit = parseTextLogLine(line.replace(/\r$/, ""), opts);
    if (hit) out.push({ ...hit, lineNumber: n });
  };
  if (Array.isArray(input)) input.forEach(take);
  else {
    const rl = createInterface({
      input: createReadStream(input, { encoding: "utf8" }),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of rl) take(line);
  }
  return out;
}
