import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byFirstEvent, overTimeline } from "./builtin-rule";
import { isWindowsEvent, makeDetection } from "./detection-helpers";

/**
 * Command lines that destroy recovery options, run by nearly every ransomware family right before
 * encryption (MITRE ATT&CK T1490 "Inhibit System Recovery"): shadow copy deletion or shrinking,
 * backup catalog deletion, disabling Windows recovery. Each is a tool name plus an action, both
 * found by substring or a simple pattern over the lower-cased text: linear on any input (a
 * `tool.*action` regex backtracks quadratically on a line of repeated tool names).
 */
const PATTERNS: Array<{ tool: string; action: RegExp; what: string }> = [
  { tool: "vssadmin", action: /delete\s+shadows/, what: "vssadmin delete shadows" },
  { tool: "vssadmin", action: /resize\s+shadowstorage/, what: "vssadmin resize shadowstorage" },
  { tool: "wmic", action: /shadowcopy\s+delete/, what: "wmic shadowcopy delete" },
  { tool: "win32_shadowcopy", action: /delete|remove/, what: "Win32_ShadowCopy delete" },
  { tool: "wbadmin", action: /delete\s+(catalog|systemstatebackup|backup)/, what: "wbadmin delete" },
  { tool: "bcdedit", action: /recoveryenabled\s+(no|off)/, what: "bcdedit recoveryenabled no" },
  {
    tool: "bcdedit",
    action: /bootstatuspolicy\s+ignoreallfailures/,
    what: "bcdedit bootstatuspolicy ignoreallfailures",
  },
  { tool: "diskshadow", action: /delete\s+shadows/, what: "diskshadow delete shadows" },
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

function finding(e: TTimelineEvent, what: string): TDetection {
  return makeDetection(
    "backup-deletion",
    { ja: "シャドウコピー・バックアップの削除", en: "Shadow copies or backups deleted" },
    {
      ja: `${e.host} で「${what}」が実行されました（${e.user || "不明なユーザー"}）。ランサムウェアが暗号化直前に復旧手段を消す典型的な操作です。ただちにネットワークから隔離し、オフラインのバックアップを保護してください。`,
      en: `"${what}" ran on ${e.host} (${e.user || "unknown user"}). Ransomware removes recovery options right before encryption: isolate the host now and protect offline backups.`,
    },
    "critical",
    [e],
  );
}

/** Deletion of shadow copies and backups in process creation (4688, Sysmon 1) and PowerShell 4104. */
export const backupDeletionRule: BuiltinRule = {
  name: "backup-deletion",
  inputs: {
    windows: [
      "Security:4688",
      "Microsoft-Windows-Sysmon/Operational:1",
      "Microsoft-Windows-PowerShell/Operational:4104",
    ],
    textLog: false,
  },
  start() {
    // One finding per event, made as the event passes: nothing else is kept.
    const found: TDetection[] = [];
    return {
      add(e) {
        const cmd = commandLineOf(e)?.toLowerCase();
        const hit = cmd ? PATTERNS.find((p) => cmd.includes(p.tool) && p.action.test(cmd)) : undefined;
        if (hit) found.push(finding(e, hit.what));
      },
      finish: () => found.sort(byFirstEvent),
    };
  },
};

export const detectBackupDeletion = overTimeline(backupDeletionRule);
