import type { TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byTimeAndId, overTimeline, slim } from "./builtin-rule";
import { groupBy, isWindowsEvent, makeDetection } from "./detection-helpers";

const SYSMON = "Microsoft-Windows-Sysmon/Operational";
const WMI_HOST = /\\wmiprvse\.exe$/i;
/** WMI's own helpers, started by WmiPrvSE all day long. */
const ROUTINE_CHILD = /\\(wmiprvse|wmiadap|wmiapsrv|werfault|scrcons)\.exe$/i;

function processName(e: TTimelineEvent): string {
  return e.details.NewProcessName ?? e.details.Image ?? "";
}

/** The fields a kept process event still needs: its image, for the list of names. */
const KEPT = ["NewProcessName", "Image"];

/**
 * Processes started by WmiPrvSE.exe: remote command execution over WMI (wmiexec, `wmic /node`,
 * MITRE ATT&CK T1047). Old 4688 records have no parent name, so the parent is found through the
 * creator process id of WmiPrvSE's own 4688 on the same host, started before the child. Kept while
 * events stream in: the earliest start of each WmiPrvSE process, children named by their parent,
 * and parentless process starts as candidates (slimmed), resolved once all events are in.
 */
export const wmiRemoteProcessRule: BuiltinRule = {
  name: "wmi-remote-process",
  inputs: { windows: ["Security:4688", `${SYSMON}:1`], textLog: false },
  start() {
    const wmiStarts = new Map<string, TTimelineEvent>();
    const named: TTimelineEvent[] = [];
    const candidates: Array<{ parentPid: string; e: TTimelineEvent }> = [];
    return {
      add(e) {
        const is4688 = isWindowsEvent(e, "Security", 4688);
        if (!is4688 && !isWindowsEvent(e, SYSMON, 1)) return;
        const image = processName(e);
        if (WMI_HOST.test(image)) {
          const key = `${e.host}|${(e.details.NewProcessId ?? e.details.ProcessId ?? "").toLowerCase()}`;
          const earliest = wmiStarts.get(key);
          if (!earliest || byTimeAndId(e, earliest) < 0) wmiStarts.set(key, slim(e));
          return;
        }
        if (ROUTINE_CHILD.test(image)) return;
        const parent = e.details.ParentProcessName ?? e.details.ParentImage ?? "";
        if (WMI_HOST.test(parent)) named.push(slim(e, KEPT));
        else if (!parent)
          candidates.push({
            parentPid: `${e.host}|${(is4688 ? e.details.ProcessId : (e.details.ParentProcessId ?? ""))?.toLowerCase()}`,
            e: slim(e, KEPT),
          });
      },
      finish() {
        const children = [...named];
        for (const { parentPid, e } of candidates) {
          const start = wmiStarts.get(parentPid);
          if (start && byTimeAndId(start, e) < 0) children.push(e);
        }
        children.sort(byTimeAndId);
        return [...groupBy(children, (e) => e.host).values()].map((events) => {
          const e = events[0] as TTimelineEvent;
          const names = [...new Set(events.map((x) => processName(x).split("\\").pop()))]
            .slice(0, 10)
            .join(", ");
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
      },
    };
  },
};

export const detectWmiRemoteProcess = overTimeline(wmiRemoteProcessRule);
