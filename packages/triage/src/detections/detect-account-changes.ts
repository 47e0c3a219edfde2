import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byFirstEvent, overTimeline } from "./builtin-rule";
import { isWindowsEvent, makeDetection } from "./detection-helpers";

/** Well-known privileged groups: BUILTIN\Administrators (S-1-5-32-544), Remote Desktop Users (-555), Domain/Enterprise/Schema Admins (RID 512/519/518). */
function isPrivilegedGroup(e: TTimelineEvent): boolean {
  const sid = e.details.TargetSid ?? "";
  const name = (e.details.TargetUserName ?? "").toLowerCase();
  return (
    /^S-1-5-32-(544|555)$/.test(sid) ||
    /-(512|518|519)$/.test(sid) ||
    /administrators|admins|remote desktop users|administratoren|administrateurs/.test(name)
  );
}

/**
 * New accounts (4720) and group additions (4728 global, 4732 local, 4756 universal). Creating
 * an account and adding it to Administrators is a standard persistence step before encryption
 * (MITRE ATT&CK T1136, T1098).
 */
function accountChange(e: TTimelineEvent, detections: TDetection[]): void {
  if (isWindowsEvent(e, "Security", 4720)) {
    const name = e.details.SamAccountName || e.user;
    detections.push(
      makeDetection(
        "account-created",
        { ja: "ユーザーアカウントの作成", en: "User account created" },
        {
          ja: `${e.host} でアカウント「${name}」が ${e.details.SubjectUserName ?? "不明"} により作成されました。正規の作業か確認してください。`,
          en: `Account "${name}" was created on ${e.host} by ${e.details.SubjectUserName ?? "unknown"}. Confirm it was legitimate.`,
        },
        name.endsWith("$") ? "high" : "medium",
        [e],
      ),
    );
  } else if (isWindowsEvent(e, "Security", 4728, 4732, 4756)) {
    const privileged = isPrivilegedGroup(e);
    const member =
      e.details.MemberName && e.details.MemberName !== "-"
        ? e.details.MemberName
        : (e.details.MemberSid ?? "");
    const group = e.details.TargetUserName ?? "";
    detections.push(
      makeDetection(
        privileged ? "admin-group-member-added" : "group-member-added",
        privileged
          ? { ja: "管理者グループへのメンバー追加", en: "Member added to an administrative group" }
          : { ja: "グループへのメンバー追加", en: "Member added to a group" },
        {
          ja: `${e.host} でグループ「${group}」に ${member} が追加されました（実行者: ${e.details.SubjectUserName ?? "不明"}）。${privileged ? "攻撃者による権限昇格・永続化の典型的な手口です。" : ""}`,
          en: `${member} was added to group "${group}" on ${e.host} by ${e.details.SubjectUserName ?? "unknown"}.${privileged ? " A typical attacker step for privilege and persistence." : ""}`,
        },
        privileged ? "high" : "low",
        [e],
      ),
    );
  }
}

export const accountChangesRule: BuiltinRule = {
  name: "account-created",
  inputs: { windows: ["Security:4720", "Security:4728", "Security:4732", "Security:4756"], textLog: false },
  start() {
    // One finding per event, made as the event passes.
    const detections: TDetection[] = [];
    return { add: (e) => accountChange(e, detections), finish: () => detections.sort(byFirstEvent) };
  },
};

export const detectAccountChanges = overTimeline(accountChangesRule);
