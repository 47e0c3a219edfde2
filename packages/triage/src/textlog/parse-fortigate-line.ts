import { parseKeyValues, parseLogTime } from "./log-time";
import type { LineParser, ParsedLogLine } from "./text-log-types";

/**
 * FortiGate (FortiOS) key=value event logs: SSL-VPN and IPsec (`subtype=vpn`) and administrator
 * logins (`subtype=system action=login`). FortiOS SSL-VPN is among the most exploited VPNs in
 * Japanese ransomware cases (JPCERT/CC alerts on CVE-2018-13379, CVE-2022-42475, CVE-2024-21762).
 */
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
  const ui = /\(([^)]+)\)/.exec(kv.ui ?? "")?.[1];
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
