import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byFirstEvent, overTimeline } from "./builtin-rule";
import { isWindowsEvent, makeDetection } from "./detection-helpers";

function isClearing(e: TTimelineEvent): boolean {
  return (
    isWindowsEvent(e, "Security", 1102) ||
    (isWindowsEvent(e, "System", 104) && /eventlog/i.test(e.details.Provider ?? ""))
  );
}

function clearedFinding(e: TTimelineEvent): TDetection {
  return makeDetection(
    "log-cleared",
    { ja: "イベントログの消去", en: "Event log cleared" },
    {
      ja: `${e.host} で${e.eventId === 1102 ? "セキュリティ" : "システム等の"}ログが消去されました（実行者: ${e.user || "不明"}）。攻撃者が痕跡を消した可能性があります。消去前のログ（バックアップ、SIEM、他ホスト）を確保してください。`,
      en: `A ${e.eventId === 1102 ? "Security" : "System or other"} log was cleared on ${e.host} (by ${e.user || "unknown"}). Attackers clear logs to hide their tracks; secure copies from backups, SIEM or other hosts.`,
    },
    "high",
    [e],
  );
}

/**
 * Log clearing: Security 1102 ("The audit log was cleared") and System 104 (Eventlog provider,
 * "The X log file was cleared"). Ransomware operators clear logs before encryption to hide
 * lateral movement (MITRE ATT&CK T1070.001). Also record-number gaps: EventRecordID increases
 * by one per record, so a jump means records were removed (e.g. DanderSpritz eventlogedit) or
 * that the file is a filtered export — either way the investigator must know. The parser hands
 * over the event before each gap with the gap itself, so no other event needs to be kept.
 */
export const logClearingRule: BuiltinRule = {
  name: "log-cleared",
  inputs: { windows: ["Security:1102", "System:104"], textLog: false },
  start(ctx) {
    const cleared: TDetection[] = [];
    // Only the keep-everything reference path (no event handed over with the gap) looks events up by id.
    const wanted = new Set(ctx.recordGaps.filter((g) => !g.afterEvent).map((g) => g.afterEventId));
    const byId = new Map<string, TTimelineEvent[]>();
    return {
      add(e) {
        if (isClearing(e)) cleared.push(clearedFinding(e));
        if (wanted.has(e.id)) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
      },
      finish() {
        const gaps = ctx.recordGaps.map((g) => {
          const evidence = g.afterEvent ? [g.afterEvent] : (byId.get(g.afterEventId) ?? []);
          return makeDetection(
            "record-gap",
            { ja: "イベントレコード番号の欠落", en: "Gap in event record numbers" },
            {
              ja: `${g.source} でレコード番号 ${g.afterId} の次が ${g.beforeId} です（${g.beforeId - g.afterId - 1} 件欠落）。レコードの削除・改ざん、またはフィルタ済みエクスポートの可能性があります。`,
              en: `In ${g.source}, record ${g.afterId} is followed by ${g.beforeId} (${g.beforeId - g.afterId - 1} missing): records removed or tampered with, or a filtered export.`,
            },
            "medium",
            evidence,
          );
        });
        return [...cleared.sort(byFirstEvent), ...gaps.filter((d) => d.eventIds.length > 0)];
      },
    };
  },
};

export const detectLogClearing = overTimeline(logClearingRule);
