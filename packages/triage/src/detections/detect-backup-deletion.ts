import type { TTimelineEvent } from "../timeline/timeline-event";
import { type DetectionRule, isWindowsEvent, makeDetection } from "./detection-helpers";

/**
 * Command lines that destroy recovery options, run by nearly every ransomware family right before
 * encryption (MITRE ATT&CK T1490 "Inhibit System Recovery"): shadow copy deletion or shrinking,
 * backup catalog deletion, disabling Windows recovery.
 */
const PATTERNS: Array<{ re: RegExp; what: string }> = [
  { re: /vssadmin(\.exe)?\b.*delete\s+shadows/i, what: "vssadmin delete shadows" },
  { re: /vssadmin(\.exe)?\b.*resize\s+shadowstorage/i, what: "vssadmin resize shadowstorage" },
  { re: /wmic(\.exe)?\b.*shadowcopy\s+delete/i, what: "wmic shadowcopy delete" },
  {
    re: /win32_shadowcopy.*(delete|remove)|(delete|remove).*win32_shadowcopy/i,
    what: "Win32_ShadowCopy delete",
  },
  { re: /wbadmin(\.exe)?\b.*delete\s+(catalog|systemstatebackup|backup)/i, what: "wbadmin delete" },
  { re: /bcdedit(\.exe)?\b.*recoveryenabled\s+(no|off)/i, what: "bcdedit recoveryenabled no" },
  {
    re: /bcdedit(\.exe)?\b.*bootstatuspolicy\s+ignoreallfailures/i,
    what: "bcdedit bootstatuspolicy ignoreallfailures",
  },
  { re: /diskshadow(\.exe)?.*delete\s+shadows/i, what: "diskshadow delete shadows" },
];

function commandLineOf(e: TTimelineEvent): string | null {
  if (isWindowsEvent(e, "Security", 4688))
    return `${e.details.NewProcessName ?? ""} ${e.details.CommandLine ?? ""}`;
  if (isWindowsEvent(e, "Microsoft-Windows-Sysmon/Operational", 1))
    return `${e.details.Image ?? ""} ${e.details.CommandLine ?? ""}`;
  // PowerShell script blocks (Get-WmiObject Win32_ShadowCopy | Remove-WmiObject, vssadmin in a script).
  if (isWindowsEvent(e, "Microsoft-Windows-PowerShell/Operational", 4104))
    return e.details.ScriptBlockText ?? "";
  return null;
}

/** Deletion of shadow copies and backups in process creation (4688, Sysmon 1) and PowerShell 4104. */
export const detectBackupDeletion: DetectionRule = (ctx) => {
  const detections = [];
  for (const e of ctx.events) {
    const cmd = commandLineOf(e);
    const hit = cmd ? PATTERNS.find((p) => p.re.test(cmd)) : undefined;
    if (!hit) continue;
    detections.push(
      makeDetection(
        "backup-deletion",
        { ja: "シャドウコピー・バックアップの削除", en: "Shadow copies or backups deleted" },
        {
          ja: `${e.host} で「${hit.what}」が実行されました（${e.user || "不明なユーザー"}）。ランサムウェアが暗号化直前に復旧手段を消す典型的な操作です。ただちにネットワークから隔離し、オフラインのバックアップを保護してください。`,
          en: `"${hit.what}" ran on ${e.host} (${e.user || "unknown user"}). Ransomware removes recovery options right before encryption: isolate the host now and protect offline backups.`,
        },
        "critical",
        [e],
      ),
    );
  }
  return detections;
};
