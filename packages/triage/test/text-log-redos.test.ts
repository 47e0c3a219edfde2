import { describe, expect, it } from "vitest";
import { parseKeyValues } from "../src/textlog/log-time";
import { parseCiscoAsaLine } from "../src/textlog/parse-cisco-asa-line";
import { parseFortigateLine } from "../src/textlog/parse-fortigate-line";
import { parseOpenVpnLine } from "../src/textlog/parse-openvpn-line";
import { parsePanOsLine } from "../src/textlog/parse-pan-os-line";
import { parsePulseSecureLine } from "../src/textlog/parse-pulse-secure-line";
import { parseSonicwallLine } from "../src/textlog/parse-sonicwall-line";
import { parseSshdLine } from "../src/textlog/parse-sshd-line";
import type { LineParser } from "../src/textlog/text-log-types";

/**
 * Every text-log pattern fed 100 KB of whitespace and 100 KB of its own tokens, after the prefix
 * that gets a line past its format check (so the inner patterns run too). A super-linear pattern
 * takes seconds here (the old Pulse Secure pattern: 13.7 s for 4,000 spaces); linear ones take
 * a few milliseconds. The best of three runs is compared, so a busy machine does not fail it.
 */
const SIZE = 100_000;
const LIMIT_MS = 100;
const opts = { utcOffsetMinutes: 540, year: 2024 };

const WHITESPACE = [" ", "\t", " \t", "\u3000"];

const CASES: Array<{ name: string; parse: LineParser; prefixes: string[]; tokens: string[] }> = [
  {
    name: "Pulse Secure",
    parse: parsePulseSecureLine,
    prefixes: ["", "2024-01-01 00:00:00 - ", "2024-01-01 00:00:00 - ive - [1.2.3.4] u(r)[x] - "],
    tokens: ["ive - ", "ive - [", "-", " - ", "[", "](", ")[", "] - ", "(", "a"],
  },
  {
    name: "FortiGate",
    parse: parseFortigateLine,
    prefixes: ["", "date=2024-01-01 time=00:00:00 logid=1 type=event subtype=vpn "],
    tokens: ["a", "a=", "=", "-", "1.", '"', 'k="', 'k="\\', "date=", "logid=", "(", "ui=("],
  },
  {
    name: "Cisco ASA",
    parse: parseCiscoAsaLine,
    prefixes: ["", "Jan  1 00:00:00 h %ASA-6-113004: ", "Jan  1 00:00:00 h %ASA-6-113005: "],
    tokens: [
      "%ASA-",
      "%ASA-6-",
      "User = ",
      "user ",
      "for user ",
      'for user "',
      "IP = ",
      "IP <",
      "user IP = ",
      "1.",
      "a:",
      "<",
    ],
  },
  {
    name: "PAN-OS",
    parse: parsePanOsLine,
    prefixes: ["", "Jan  1 00:00:00 h 1,2024/01/01 00:00:00,x,GLOBALPROTECT,"],
    tokens: [",", '"', '",', '""', "1,2024/01/01 00:00:00,x,THREAT,", "1,", "0"],
  },
  {
    name: "SonicWall",
    parse: parseSonicwallLine,
    prefixes: ["", 'id=1 sn=x m=1 msg="login" '],
    tokens: ["id=", " sn=x m=", "a=", "a", 'msg="', "="],
  },
  {
    name: "sshd",
    parse: parseSshdLine,
    prefixes: [
      "",
      "Jan  1 00:00:00 h sshd[1]: ",
      "Jan  1 00:00:00 h sshd[1]: Failed password for ",
      "Jan  1 00:00:00 h sshd[1]: pam_unix(sshd:auth): authentication failure; ",
    ],
    tokens: ["sshd[1]: ", "rhost=", " user=", "invalid user ", "a ", "1:", " from "],
  },
  {
    name: "OpenVPN",
    parse: parseOpenVpnLine,
    prefixes: ["", "2024-01-01 00:00:00 h openvpn[1]: ", "2024-01-01 00:00:00 a/1.2.3.4:1 "],
    tokens: ["Peer Connection Initiated with ", " (via ", "a/", "1.", "1:", "CN=", "a/1.1.1.1:1 ", "Jan "],
  },
];

function bestOfThree(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("text-log patterns stay linear on hostile lines", () => {
  for (const { name, parse, prefixes, tokens } of CASES) {
    it(`${name}: 100 KB of whitespace and of its own tokens in < ${LIMIT_MS} ms`, () => {
      const slow: string[] = [];
      for (const prefix of prefixes)
        for (const token of [...WHITESPACE, ...tokens]) {
          const line = prefix + token.repeat(Math.ceil(SIZE / token.length));
          const ms = bestOfThree(() => parse(line, opts));
          if (ms >= LIMIT_MS)
            slow.push(`${JSON.stringify(prefix)} + ${JSON.stringify(token)}: ${ms.toFixed(0)} ms`);
        }
      expect(slow).toEqual([]);
    });
  }

  it("key=value pairs: 100 KB of key characters without '=' in < 100 ms", () => {
    for (const token of ["a", "a.", 'k="', "=", 'k=\\"']) {
      const text = token.repeat(SIZE / token.length);
      expect(bestOfThree(() => parseKeyValues(text))).toBeLessThan(LIMIT_MS);
    }
    expect(parseKeyValues('a=1 b="x y" c="unclosed d=4')).toEqual({
      a: "1",
      b: "x y",
      c: '"unclosed',
      d: "4",
    });
  });
});
