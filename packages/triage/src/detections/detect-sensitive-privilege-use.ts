import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byTimeAndId, overTimeline, slim } from "./builtin-rule";
import { groupBy, isWindowsEvent, makeDetection } from "./detection-helpers";

/** Machine accounts and the built-in service accounts use privileges all day. */
const SERVICE_ACCOUNT = /\$$|^(LOCAL SERVICE|NETWORK SERVICE|SYSTEM|-)$/i;
/** Uses of a sensitive privilege by one account above this count… */
const MIN_USES = 5;
/** …within this window look like a credential tool (mimikatz), as DeepBlueCLI reports too. */
const WINDOW_MS = 10 * 60 * 1000;

/**
 * Bursts of sensitive privilege use (Security 4673) by one person's account:
 * mimikatz's lsadump::sam and token elevation call SeTcbPrivilege / SeDebugPrivilege over and
 * over (MITRE ATT&CK T1003.001, T1134). Machine accounts are left out.
 */
function findPrivilegeBursts(uses: TTimelineEvent[]): TDetection[] {
  const detections: TDetection[] = [];
  for (const group of groupBy(uses, (e) => `${e.host}|${e.details.SubjectUserName}`).values()) {
    const first = group[0] as TTimelineEvent;
    const inWindow = group.filter((e) => Date.parse(e.time) - Date.parse(first.time) <= WINDOW_MS);
    if (inWindow.length < MIN_USES) continue;
    const who = `${first.details.SubjectDomainName ?? ""}\\${first.details.SubjectUserName ?? ""}`;
    const privileges = [...new Set(group.map((e) => (e.details.PrivilegeList ?? "").trim()))].join(", ");
    const processes = [...new Set(group.map((e) => e.details.ProcessName ?? ""))].filter(Boolean).join(", ");
    detections.push(
      makeDetection(
        "sensitive-privilege-use",
        {
          ja: "特権の連続使用（資格情報窃取ツールの疑い）",
          en: "Repeated sensitive privilege use (possible credential tool)",
        },
        {
          ja: `${first.host} で ${who} が ${processes || "不明なプロセス"} から特権（${privileges}）を ${group.length} 回使いました。mimikatz などの資格情報窃取ツールの典型です。該当アカウントのパスワードを変更してください。`,
          en: `${who} used privileges (${privileges}) ${group.length} times from ${processes || "an unknown process"} on ${first.host}: typical of credential tools such as mimikatz. Reset that account's password.`,
        },
        "high",
        group,
        { accounts: [who] },
      ),
    );
  }
  return detections;
}

/** The fields the finding shows. */
const KEPT = ["SubjectUserName", "SubjectDomainName", "PrivilegeList", "ProcessName"];

export const sensitivePrivilegeUseRule: BuiltinRule = {
  name: "sensitive-privilege-use",
  inputs: { windows: ["Security:4673"], textLog: false },
  start() {
    const uses: TTimelineEvent[] = [];
    return {
      add(e) {
        if (isWindowsEvent(e, "Security", 4673) && !SERVICE_ACCOUNT.test(e.details.SubjectUserName ?? "$"))
          uses.push(slim(e, KEPT));
      },
      finish: () => findPrivilegeBursts(uses.sort(byTimeAndId)),
    };
  },
};

export const detectSensitivePrivilegeUse = overTimeline(sensitivePrivilegeUseRule);
