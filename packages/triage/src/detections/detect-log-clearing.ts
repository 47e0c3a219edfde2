import { type DetectionRule, isWindowsEvent, makeDetection } from "./detection-helpers";

/**
 * Log clearing: Security 1102 ("The audit log was cleared") and System 104 (Eventlog provider,
 * "The X log file was cleared"). Ransomware operators clear logs before encryption to hide
 * lateral movement (MITRE ATT&CK T1070.001). Also record-number gaps: EventRecordID increases
 * by one per record, so a jump means records were removed (e.g. DanderSpritz eventlogedit) or
 * that the file is a filtered export — either way the investigator must know.
 */
export const detectLogClearing: DetectionRule = (ctx) => {
  const cleared = ctx.events
    .filter(
      (e) =>
        isWindowsEvent(e, "Security", 1102) ||
        (isWindowsEvent(e, "System", 104) && /eventlog/i.test(e.details.Provider ?? "")),
    )
    .map((e) =>
      makeDetection(
        "log-cleared",
        { ja: "イベントログの消去", en: "Event log cleared" },
        {
          ja: `${e.host} で${e.eventId === 1102 ? "セキュリティ" : "システム等の"}ログが消去されました（実行者: ${e.user || "不明"}）。攻撃者が痕跡を消した可能性があります。消去前のログ（バックアップ、SIEM、他ホスト）を確保してください。`,
          en: `A ${e.eventId === 1102 ? "Security" : "System or other"} log was cleared on ${e.host} (by ${e.user || "unknown"}). Attackers clear logs to hide their tracks; secure copies from backups, SIEM or other hosts.`,
        },
        "high",
        [e],
      ),
    );
  const gaps = ctx.recordGaps.map((g) => {
    const evidence = ctx.events.filter((e) => e.id === g.afterEventId);
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
  return [...cleared, ...gaps.filter((d) => d.eventIds.length > 0)];
};
