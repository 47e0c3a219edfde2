import { parseKeyValues, parseLogTime } from "./log-time";
import type { LineParser, ParsedLogLine } from "./text-log-types";

/**
 * FortiGate (FortiOS) key=value event logs: SSL-VPN and IPsec (`subtype=vpn`) and administrator
 * logins (`subtype=system action=login`). FortiOS SSL-VPN is among the most exploited VPNs in
 * Japanese ransomware cases (JPCERT/CC alerts on CVE-2018-13379, CVE-2022-42475, CVE-2024-21762).
 */
/**
 * The address in `ui="sslvpn(203.0.113.5)"`: the text between the first `(` and the first `)`
 * after it. indexOf instead of `/\(([^)]+)\)/`, which was quadratic on long runs of `(`.
 */
function parenthesised(text: string): string | undefined {
  const open = text.indexOf("(");
  const close = open < 0 ? -1 : text.indexOf(")", open + 1);
  return close > open + 1 ? text.slice(open + 1, close) : undefined;
}

export const parseFortigateLine: LineParser = (line, opts) => {
  const start = line.indexOf("date=");
  if (start < 0 || !line.includes("logid=")) return null;
  const kv = parseKeyValues(line.slice(start));
  if (kv.type !== "event") return null;
  const action = kv.action ?? "";
  let outcome: ParsedLogLine["outcome"];
  let event: string;
  if (kv.subtype === "vpn") {
    if (action === "ssl-login-fail" || /login fail|auth\w* fail/i.test(kv.logdesc ?? "")) outcome = "failure";
    else if (
      action === "tunnel-up" ||
      action === "ssl-login" ||
      /tunnel up|login success/i.test(kv.logdesc ?? "")
    )
      outcome = "success";
    event = `VPN: ${kv.logdesc ?? action}`;
  } else if (kv.subtype === "system" && action === "login") {
    outcome = kv.status === "success" ? "success" : "failure";
    event = `管理者ログイン / Admin login: ${kv.logdesc ?? ""}`;
  } else return null;
  const ui = parenthesised(kv.ui ?? "");
  const user = kv.user && kv.user !== "N/A" ? kv.user : "";
  return {
    format: "fortigate",
    time: parseLogTime(`${kv.date} ${kv.time}`, opts, kv.tz),
    host: kv.devname ?? kv.devid ?? "",
    event,
    user,
    sourceAddress: kv.remip ?? ui ?? "",
    ...(outcome ? { outcome } : {}),
    details: kv,
  };
};
