import { parseKeyValues, parseLogTime } from "./log-time";
import type { LineParser, ParsedLogLine } from "./text-log-types";

/** SonicWall (SonicOS) key=value logs: user / administrator / SSL-VPN logins and IPsec VPN errors. */
const RULES: Array<{ re: RegExp; outcome: ParsedLogLine["outcome"] }> = [
  { re: /login denied|bad credentials|authentication fail|login failure/i, outcome: "failure" },
  { re: /login successful|logged in|login allowed/i, outcome: "success" },
  { re: /locked out/i, outcome: "lockout" },
];

export const parseSonicwallLine: LineParser = (line, opts) => {
  const start = line.indexOf("id=");
  if (start < 0 || !/ sn=\S+/.test(line) || !line.includes(" m=")) return null;
  const kv = parseKeyValues(line.slice(start));
  const msg = kv.msg ?? "";
  if (!/login|logged|VPN|authentic|locked/i.test(msg)) return null;
  const rule = RULES.find((r) => r.re.test(msg));
  const tz = /UTC$/.test(kv.time ?? "") ? "UTC" : undefined;
  return {
    format: "sonicwall",
    time: parseLogTime(kv.time ?? "", opts, tz),
    host: kv.fw ?? kv.sn ?? "",
    event: `SonicWall: ${msg}`,
    user: kv.usr ?? kv.user ?? "",
    sourceAddress: (kv.src ?? "").split(":")[0] ?? "",
    ...(rule?.outcome ? { outcome: rule.outcome } : {}),
    details: kv,
  };
};
