import { parseLogTime } from "./log-time";
import type { LineParser, ParsedLogLine } from "./text-log-types";

/**
 * Splits one CSV record (PAN-OS syslog fields, double quotes for fields with commas, `""` for a
 * quote) in one pass; a regular expression for the same backtracked on long runs of quotes.
 */
function splitCsv(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text.charCodeAt(i) === 34) {
      let value = "";
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const q = text.indexOf('"', j);
        if (q < 0) break;
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          closed = true;
          break;
        }
      }
      if (closed && (j === text.length || text.charCodeAt(j) === 44)) {
        out.push(value);
        i = j + 1;
        if (j === text.length) break;
        continue;
      }
    }
    const comma = text.indexOf(",", i);
    out.push(text.slice(i, comma < 0 ? text.length : comma));
    if (comma < 0) break;
    i = comma + 1;
  }
  return out;
}

/**
 * PAN-OS syslog CSV (Palo Alto "Syslog Field Descriptions"): GLOBALPROTECT logs (PAN-OS 9.1+:
 * field 8 event id, 12 source user, 15 public IP, 28 status), SYSTEM logs of subtype
 * globalprotect (older releases: the description says "authentication failed/succeeded"), and
 * THREAT logs (7 source, 8 destination, 32 threat name, 34 severity).
 */
export const parsePanOsLine: LineParser = (line, opts): ParsedLogLine | null => {
  const at = line.search(
    /\d,\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d,[^,]*,(THREAT|TRAFFIC|SYSTEM|GLOBALPROTECT|CONFIG|AUTH|USERID),/,
  );
  if (at < 0) return null;
  const f = splitCsv(line.slice(at));
  const type = f[3];
  const host = line.slice(0, at).trim().split(/\s+/).at(-1) ?? "";
  const time = parseLogTime(f[6] || f[1] || "", opts);
  const base = { format: "pan-os" as const, time, host };
  if (type === "GLOBALPROTECT") {
    const status = (f[28] ?? "").toLowerCase();
    const outcome: ParsedLogLine["outcome"] =
      status === "success" ? "success" : status === "failure" ? "failure" : undefined;
    return {
      ...base,
      event: `GlobalProtect: ${f[8] ?? ""} ${status}`.trim(),
      user: f[12] ?? "",
      sourceAddress: f[15] ?? "",
      ...(outcome ? { outcome } : {}),
      details: {
        eventId: f[8] ?? "",
        stage: f[9] ?? "",
        reason: f[25] ?? "",
        error: f[26] ?? "",
        description: f[27] ?? "",
      },
    };
  }
  if (type === "SYSTEM") {
    const description = f[14] ?? "";
    if (f[4] !== "globalprotect" && !/globalprotect/i.test(description)) return null;
    const failed = /fail/i.test(description);
    const ok = /succe/i.test(description);
    return {
      ...base,
      event: `GlobalProtect: ${description.slice(0, 80)}`,
      user: /User name: ([^,.]+)/i.exec(description)?.[1]?.trim() ?? "",
      sourceAddress: /Login from: ([\d.a-fA-F:]+)/i.exec(description)?.[1] ?? "",
      ...(failed ? { outcome: "failure" as const } : ok ? { outcome: "success" as const } : {}),
      details: { subtype: f[4] ?? "", severity: f[12] ?? "", description },
    };
  }
  if (type === "THREAT") {
    return {
      ...base,
      event: `脅威検知 / Threat: ${f[32] ?? f[4] ?? ""}`,
      user: f[12] ?? "",
      sourceAddress: f[7] ?? "",
      details: {
        subtype: f[4] ?? "",
        destination: f[8] ?? "",
        rule: f[11] ?? "",
        application: f[14] ?? "",
        action: f[30] ?? "",
        threat: f[32] ?? "",
        severity: f[34] ?? "",
      },
    };
  }
  return null;
};
