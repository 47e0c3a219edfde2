import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byTimeAndId, overTimeline, slim } from "./builtin-rule";
import { groupBy, isWindowsEvent, makeDetection } from "./detection-helpers";

const SYSMON = "Microsoft-Windows-Sysmon/Operational";
/** Files one process creates with one extension within this window… */
const WINDOW_MS = 5 * 60 * 1000;
/** …at or above this count look like encryption renaming files (MITRE ATT&CK T1486). */
const MIN_FILES = 100;
/** Extensions that ordinary software writes in bulk. */
const ORDINARY = new Set([
  "tmp",
  "log",
  "dll",
  "exe",
  "etl",
  "dat",
  "txt",
  "xml",
  "json",
  "js",
  "pf",
  "mui",
  "db",
  "ini",
  "cab",
  "png",
  "jpg",
  "lnk",
  "manifest",
  "cat",
]);

function extensionOf(file: string): string {
  const name = file.split("\\").pop() ?? "";
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/**
 * Mass file renames where Sysmon 11 (FileCreate) shows them: one process writing a hundred files
 * with the same unusual extension within five minutes, as ransomware does when it renames what it
 * encrypts. One finding per host, process and extension.
 */
function findMassRenames(created: TTimelineEvent[]): TDetection[] {
  const groups = groupBy(
    created,
    (e) => `${e.host}|${e.details.Image ?? ""}|${extensionOf(e.details.TargetFilename ?? "")}`,
  );
  const detections: TDetection[] = [];
  for (const events of groups.values()) {
    let start = 0;
    let bestStart = 0;
    let bestLength = 0;
    for (let end = 0; end < events.length; end++) {
      const t = Date.parse((events[end] as TTimelineEvent).time);
      while (t - Date.parse((events[start] as TTimelineEvent).time) > WINDOW_MS) start++;
      if (end - start + 1 > bestLength) [bestStart, bestLength] = [start, end - start + 1];
    }
    if (bestLength < MIN_FILES) continue;
    const best = events.slice(bestStart, bestStart + bestLength);
    const e = best[0] as TTimelineEvent;
    const ext = extensionOf(e.details.TargetFilename ?? "");
    detections.push(
      makeDetection(
        "mass-file-rename",
        { ja: "大量のファイル名変更（暗号化の疑い）", en: "Mass file renames (possible encryption)" },
        {
          ja: `${e.host} で ${e.details.Image ?? "不明なプロセス"} が 5 分以内に拡張子「.${ext}」のファイルを ${best.length} 個作成しました。ランサムウェアによる暗号化の典型です。ただちにネットワークから隔離してください。`,
          en: `${e.details.Image ?? "An unknown process"} created ${best.length} files ending in ".${ext}" on ${e.host} within five minutes: typical of ransomware encryption. Isolate the host now.`,
        },
        "critical",
        events,
        { accounts: e.user ? [e.user] : [] },
      ),
    );
  }
  return detections;
}

export const massRenamesRule: BuiltinRule = {
  name: "mass-file-rename",
  inputs: { windows: [`${SYSMON}:11`], textLog: false },
  start() {
    // Files with an unusual extension only, each slimmed to the two fields the rule reads.
    const created: TTimelineEvent[] = [];
    return {
      add(e) {
        if (!isWindowsEvent(e, SYSMON, 11)) return;
        const ext = extensionOf(e.details.TargetFilename ?? "");
        if (ext !== "" && !ORDINARY.has(ext)) created.push(slim(e, ["Image", "TargetFilename"]));
      },
      finish: () => findMassRenames(created.sort(byTimeAndId)),
    };
  },
};

export const detectMassRenames = overTimeline(massRenamesRule);
