import { parseLogTime } from "./log-time";
import type { LineParser, ParsedLogLine } from "./text-log-types";

/** OpenVPN server messages (openvpn `ssl_verify.c`, `multi.c`, plugin-auth-ldap) about authentication. */
/**
 * `Peer Connection Initiated with … (via …`, tested with indexOf: the regular expression
 * `Peer Connection Initiated with .* \(via ` backtracked in quadratic time on repeats of its prefix.
 */
const PEER_INITIATED = {
  test: (message: string) => {
    const at = message.indexOf("Peer Connection Initiated with ");
    return at >= 0 && message.indexOf(" (via ", at + 31) >= 0;
  },
};

const RULES: Array<{
  re: { test(message: string): boolean };
  outcome: ParsedLogLine["outcome"];
  event: string;
}> = [
  {
    re: /TLS Auth Error|AUTH_FAILED|Auth Username\/Password verification failed|Incorrect password supplied|LDAP bind failed/,
    outcome: "failure",
    event: "OpenVPN 認証失敗 / OpenVPN authentication failed",
  },
  {
    re: /TLS Error: (incoming packet authentication failed|tls-crypt unwrapping failed|TLS handshake failed)/,
    outcome: "failure",
    event: "OpenVPN TLS 失敗 / OpenVPN TLS failure",
  },
  {
    re: { test: (m: string) => /Authentication succeeded|MULTI: Learn/.test(m) || PEER_INITIATED.test(m) },
    outcome: "success",
    event: "OpenVPN 接続成功 / OpenVPN client authenticated",
  },
];

const PREFIX =
  /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d|\w{3}\s+\d{1,2} \d\d:\d\d:\d\d|\w{3} \w{3}\s+\d{1,2} \d\d:\d\d:\d\d \d{4})\s+(?:(\S+) (?:openvpn|ovpn-\S+)(?:\[\d+\])?: )?(.*)$/;

/** Parses one OpenVPN log line (its own log file or syslog `openvpn:` lines). */
export const parseOpenVpnLine: LineParser = (line, opts) => {
  const m = PREFIX.exec(line);
  if (!m) return null;
  const message = m[3] as string;
  if (
    !m[2] &&
    !/^(\S+\/)?[\d.a-f:]+:\d+(\/\S+)? |^[\w.-]+\/[\d.]+:\d+ /.test(message) &&
    !/OpenVPN/.test(message)
  )
    return null;
  const rule = RULES.find((r) => r.re.test(message));
  if (!rule) return null;
  const peer = /^(?:([^/\s]+)\/)?([\d.]+|[\da-f:]+):\d+(?:\/(\S+))? /.exec(message);
  const user =
    peer?.[1] && !/^[\d.]+$/.test(peer[1]) ? peer[1] : (peer?.[3] ?? /CN=([^,"]+)/.exec(message)?.[1] ?? "");
  return {
    format: "openvpn",
    time: parseLogTime(m[1] as string, opts),
    host: m[2] ?? "",
    event: rule.event,
    user,
    sourceAddress: peer?.[2] ?? "",
    ...(rule.outcome ? { outcome: rule.outcome } : {}),
    details: { message },
  };
};
