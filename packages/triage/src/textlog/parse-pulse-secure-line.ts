import { parseLogTime } from "./log-time";
import type { LineParser, ParsedLogLine } from "./text-log-types";

/**
 * Ivanti (Pulse) Connect Secure `ive` syslog: `<time> - ive - [<ip>] <user>(<realm>)[<roles>] - <message>`.
 * Connect Secure flaws (CVE-2019-11510, CVE-2023-46805/CVE-2024-21887) led to many intrusions in Japan.
 */
const PATTERN = /^(.*?)\s*-?\s*ive - \[([^\]]*)\] ([^(]*)\(([^)]*)\)\[([^\]]*)\] - (.*)$/;

const RULES: Array<{ re: RegExp; outcome: ParsedLogLine["outcome"]; event: string }> = [
  {
    re: /^Login failed|Primary authentication failed|Secondary authentication failed/i,
    outcome: "failure",
    event: "VPN ログイン失敗 / VPN login failed",
  },
  {
    re: /^Login succeeded|Primary authentication successful/i,
    outcome: "success",
    event: "VPN ログイン成功 / VPN login succeeded",
  },
  {
    re: /^Account lockout|locked out/i,
    outcome: "lockout",
    event: "アカウントロックアウト / Account locked out",
  },
  {
    re: /^Logout from|Closed connection/i,
    outcome: undefined,
    event: "VPN ログアウト / VPN logout or connection closed",
  },
];

export const parsePulseSecureLine: LineParser = (line, opts) => {
  const m = PATTERN.exec(line);
  if (!m) return null;
  const message = m[6] as string;
  const rule = RULES.find((r) => r.re.test(message));
  if (!rule) return null;
  return {
    format: "pulse-secure",
    time: parseLogTime((m[1] as string).trim(), opts),
    host: "",
    event: rule.event,
    user: (m[3] as string).trim() === "System" ? "" : (m[3] as string).trim(),
    sourceAddress: m[2] as string,
    ...(rule.outcome ? { outcome: rule.outcome } : {}),
    details: { realm: m[4] as string, roles: m[5] as string, message },
  };
};
