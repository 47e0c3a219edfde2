/**
 * Labels for the Windows events that matter most in ransomware first response (per JPCERT/CC
 * "Tool Analysis Result Sheet" and Microsoft's security auditing reference). Others show their id.
 */
const LABELS: Record<string, string> = {
  "Security:1102": "監査ログ消去 / Audit log cleared",
  "System:104": "イベントログ消去 / Event log cleared",
  "Security:4624": "ログオン成功 / Logon success",
  "Security:4625": "ログオン失敗 / Logon failure",
  "Security:4634": "ログオフ / Logoff",
  "Security:4648": "明示的資格情報でのログオン / Logon with explicit credentials",
  "Security:4672": "特権ログオン / Special privileges assigned",
  "Security:4688": "プロセス作成 / Process created",
  "Security:4697": "サービスインストール / Service installed",
  "Security:4720": "アカウント作成 / User account created",
  "Security:4722": "アカウント有効化 / User account enabled",
  "Security:4724": "パスワードリセット / Password reset",
  "Security:4726": "アカウント削除 / User account deleted",
  "Security:4728": "グローバルグループへ追加 / Member added to global group",
  "Security:4732": "ローカルグループへ追加 / Member added to local group",
  "Security:4756": "ユニバーサルグループへ追加 / Member added to universal group",
  "Security:4740": "アカウントロックアウト / Account locked out",
  "Security:4768": "Kerberos TGT 要求 / Kerberos TGT requested",
  "Security:4769": "Kerberos サービスチケット要求 / Kerberos service ticket requested",
  "Security:4776": "NTLM 認証 / NTLM authentication",
  "Security:4778": "セッション再接続 / Session reconnected",
  "Security:5140": "共有フォルダーアクセス / Network share accessed",
  "Security:5145": "共有ファイルアクセス / Network share object checked",
  "System:7045": "サービスインストール / Service installed",
  "System:7036": "サービス状態変更 / Service state changed",
  "System:7040": "サービス開始種別変更 / Service start type changed",
  "Microsoft-Windows-Sysmon/Operational:1": "プロセス作成 (Sysmon) / Process created (Sysmon)",
  "Microsoft-Windows-Sysmon/Operational:3": "ネットワーク接続 (Sysmon) / Network connection (Sysmon)",
  "Microsoft-Windows-Sysmon/Operational:11": "ファイル作成 (Sysmon) / File created (Sysmon)",
  "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational:1149":
    "RDP 認証成功 / RDP user authentication succeeded",
  "Microsoft-Windows-TerminalServices-LocalSessionManager/Operational:21":
    "RDP セッションログオン / RDP session logon",
  "Microsoft-Windows-TerminalServices-LocalSessionManager/Operational:25":
    "RDP セッション再接続 / RDP session reconnected",
  "Microsoft-Windows-PowerShell/Operational:4104": "PowerShell スクリプトブロック / PowerShell script block",
  "Microsoft-Windows-Windows Defender/Operational:1116":
    "マルウェア検知 (Defender) / Malware detected (Defender)",
  "Microsoft-Windows-Windows Defender/Operational:5001":
    "リアルタイム保護無効化 / Real-time protection disabled",
};

/** Label for an event: `<id> <label>` when known, else `<id> <provider>`. */
export function labelWindowsEvent(channel: string, eventId: number, provider: string): string {
  const label = LABELS[`${channel}:${eventId}`];
  return label ? `${eventId} ${label}` : `${eventId} ${provider}`;
}
