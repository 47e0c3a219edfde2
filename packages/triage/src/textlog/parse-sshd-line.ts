import { parseLogTime } from "./log-time";
import type { LineParser, ParsedLogLine } from "./text-log-types";

const PREFIX = /^(\S+\s+\d{1,2} \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\S+) (\S+) (sshd|sshd-session)\[\d+\]: (.*)$/;

/** sshd messages in Linux auth.log / secure (OpenSSH `auth.c` log strings). */
const RULES: Array<{ re: RegExp; outcome: ParsedLogLine["outcome"]; event: string }> = [
  {
    re: /^Failed (?:password|publickey|keyboard-interactive\/pam|none) for (?:invalid user )?(?<user>\S*) from (?<ip>\S+)/,
    outcome: "failure",
    event: "SSH 認証失敗 / SSH authentication failed",
  },
  {
    re: /^Invalid user (?<user>\S*) from (?<ip>\S+)/,
    outcome: "failure",
    event: "SSH 存在しないユーザー / SSH invalid user",
  },
  {
    re: /^Accepted (?:password|publickey|keyboard-interactive\/pam|gssapi-with-mic) for (?<user>\S+) from (?<ip>\S+)/,
    outcome: "success",
    event: "SSH ログイン成功 / SSH login accepted",
  },
  {
    re: /^(?:error: )?maximum authentication attempts exceeded for (?:invalid user )?(?<user>\S*) from (?<ip>\S+)/,
    outcome: "failure",
    event: "SSH 認証試行回数超過 / SSH too many authentication failures",
  },
  {
    re: /^Disconnected from (?:authenticating|invalid) user (?<user>\S*) (?<ip>[\d.:a-f]+) port \d+ \[preauth\]/,
    outcome: "failure",
    event: "SSH 認証前切断 / SSH disconnected before authentication",
  },
  {
    re: /^Connection closed by (?:authenticating|invalid) user (?<user>\S*) (?<ip>[\d.:a-f]+) port \d+ \[preauth\]/,
    outcome: "failure",
    event: "SSH 認証前切断 / SSH closed before authentication",
  },
  {
    re: /^pam_unix\(sshd:auth\): authentication failure;.*rhost=(?<ip>\S+)(?:\s+user=(?<user>\S+))?/,
    outcome: "failure",
    event: "SSH PAM 認証失敗 / SSH PAM authentication failure",
  },
];

/** Parses one sshd line from auth.log / secure; null for other lines. */
export const parseSshdLine: LineParser = (line, opts) => {
  const m = PREFIX.exec(line);
  if (!m) return null;
  const message = m[4] as string;
  for (const rule of RULES) {
    const r = rule.re.exec(message);
    if (!r) continue;
    return {
      format: "sshd",
      time: parseLogTime(m[1] as string, opts),
      host: m[2] as string,
      event: rule.event,
      user: r.groups?.user ?? "",
      sourceAddress: r.groups?.ip ?? "",
      ...(rule.outcome ? { outcome: rule.outcome } : {}),
      details: { message },
    };
  }
  return null;
};
