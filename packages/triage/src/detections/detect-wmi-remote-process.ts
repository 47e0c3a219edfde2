import type { TTimelineEvent } from "../timeline/timeline-event";
import { type DetectionRule, groupBy, isWindowsEvent, makeDetection } from "./detection-helpers";

const SYSMON = "Microsoft-Windows-Sysmon/Operational";
const WMI_HOST = /\\wmiprvse\.exe$/i;
/** WMI's own helpers, started by WmiPrvSE all day long. */
const ROUTINE_CHILD = /\\(wmiprvse|wmiadap|wmiapsrv|werfault|scrcons)\.exe$/i;

function processName(e: TTimelineEvent): string {
  return e.details.NewProcessName ?? e.details.Image ?? "";
}

/**
 * Processes started by WmiPrvSE.exe: remote command execution over WMI (wmiexec, `wmic /node`,
 * MITRE ATT&CK T1047). Old 4688 records have no parent name, so the parent is found through the
 * creator process id of WmiPrvSE's own 4688 on the same host.
 */
export const detectWmiRemoteProcess: DetectionRule = (ctx) => {
  const wmiPids = new Set<string>();
  const children: TTimelineEvent[] = [];
  for (const e of ctx.events) {
    const is4688 = isWindowsEvent(e, "Security", 4688);
    if (!is4688 && !isWindowsEvent(e, SYSMON, 1)) continue;
    const image = processName(e);
    if (WMI_HOST.test(image)) {
      wmiPids.add(`${e.host}|${(e.details.NewProcessId ?? e.details.ProcessId ?? "").toLowerCase()}`);
      continue;
    }
    if (ROUTINE_CHILD.test(image)) continue;
    const parent = e.details.ParentProcessName ?? e.details.ParentImage ?? "";
    const parentPid = `${e.host}|${(is4688 ? e.details.ProcessId : (e.details.ParentProcessId ?? ""))?.toLowerCase()}`;
    if (WMI_HOST.test(parent) || (!parent && wmiPids.has(parentPid))) children.push(e);
  }
  return [...groupBy(children, (e) => e.host).values()].map((events) => {
    const e = events[0] as TTimelineEvent;
    const names = [...new Set(events.map((x) => processName(x).split("\\").pop()))].slice(0, 10).join(", ");
    return makeDetection(
      "wmi-remote-process",
      { ja: "WMI 経由のプロセス起動", en: "Process started through WMI" },
      {
        ja: `${e.host} で WmiPrvSE.exe から ${events.length} 個のプロセス（${names}）が起動されました。WMI による遠隔実行（wmiexec など）の典型です。実行者と接続元を確認してください。`,
        en: `WmiPrvSE.exe started ${events.length} process(es) on ${e.host} (${names}): typical of remote execution over WMI (e.g. wmiexec). Check who ran them and from where.`,
      },
      "high",
      events,
      { accounts: [...new Set(events.map((x) => x.user).filter(Boolean))] },
    );
  });
};
