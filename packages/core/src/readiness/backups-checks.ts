import type { TCreateBackupSetRequest, TRegisterWarning } from "./backups-contracts";

/** The fields the checks read; a stored row or a request both fit. */
export type BackupSetFacts = Pick<
  TCreateBackupSetRequest,
  "media" | "connectivity" | "lastSuccessAt" | "lastRestoreTestAt" | "lastRestoreTestResult"
>;

/** Restore tests older than this are stale: the notice asks organisations to rehearse restores regularly. */
export const RESTORE_TEST_MAX_AGE_MONTHS = 6;

/** The ISO date `months` calendar months before `today` (UTC), clamped to the month's last day. */
export function subtractMonths(today: string, months: number): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whether a restore test succeeded on or after the cut-off (RESTORE_TEST_MAX_AGE_MONTHS before today). */
export function hasRecentSuccessfulRestoreTest(set: BackupSetFacts, today: string): boolean {
  if (!set.lastRestoreTestAt || set.lastRestoreTestResult !== "success") return false;
  return (
    set.lastRestoreTestAt >= subtractMonths(today, RESTORE_TEST_MAX_AGE_MONTHS) &&
    set.lastRestoreTestAt <= today
  );
}

/**
 * Warnings for one backup set. Over 70% of the 2025 ransomware victims could not restore from
 * backup, mostly because the backups were online and were encrypted too (警察庁 令和7年 annual
 * report, 特集Ⅱ and 統計編 バックアップ②③).
 */
export function checkBackupSet(set: BackupSetFacts, today: string): TRegisterWarning[] {
  const warnings: TRegisterWarning[] = [];
  if (set.connectivity === "online") {
    warnings.push({
      code: "backup.online_only",
      severity: "medium",
      message: {
        ja: "常時接続のバックアップです。ランサムウェアはバックアップも暗号化することが多いため、これだけでは復旧できない恐れがあります。",
        en: "This backup is always connected. Ransomware often encrypts backups too, so this copy alone may not let you recover.",
      },
    });
  }
  if (!set.lastRestoreTestAt) {
    warnings.push({
      code: "backup.never_restore_tested",
      severity: "high",
      message: {
        ja: "復元テストの記録がありません。復元できることを確認してください。",
        en: "No restore test is recorded. Check that this backup can actually be restored.",
      },
    });
  } else if (set.lastRestoreTestResult === "failed" || set.lastRestoreTestResult === "partial") {
    warnings.push({
      code: "backup.restore_test_failed",
      severity: "high",
      message: {
        ja: "直近の復元テストが成功していません。原因を直して再テストしてください。",
        en: "The last restore test did not fully succeed. Fix the cause and test again.",
      },
    });
  } else if (!hasRecentSuccessfulRestoreTest(set, today)) {
    warnings.push({
      code: "backup.restore_test_stale",
      severity: "medium",
      message: {
        ja: `直近の成功した復元テストが${RESTORE_TEST_MAX_AGE_MONTHS}か月より前です。`,
        en: `The last successful restore test is older than ${RESTORE_TEST_MAX_AGE_MONTHS} months.`,
      },
    });
  }
  if (!set.lastSuccessAt) {
    warnings.push({
      code: "backup.no_success_recorded",
      severity: "low",
      message: {
        ja: "最後にバックアップが成功した日が記録されていません。",
        en: "The date of the last successful backup is not recorded.",
      },
    });
  }
  return warnings;
}

/**
 * Checks over the whole register: at least one offline or immutable copy, copies on two kinds of
 * media, and a successful restore test within six months (notice of 2025-01-31, ④: "複数の媒体に
 * オフラインを含むバックアップ… 復元の訓練").
 */
export function checkBackupRegister(sets: readonly BackupSetFacts[], today: string): TRegisterWarning[] {
  if (sets.length === 0) {
    return [
      {
        code: "backups.none",
        severity: "high",
        message: { ja: "バックアップが登録されていません。", en: "No backup set is recorded." },
      },
    ];
  }
  const findings: TRegisterWarning[] = [];
  if (!sets.some((s) => s.connectivity === "offline" || s.connectivity === "immutable")) {
    findings.push({
      code: "backups.no_offline_copy",
      severity: "high",
      message: {
        ja: "オフラインまたは改ざん不能（イミュータブル）なコピーがありません。暗号化されない複製を一つ以上用意してください。",
        en: "No offline or immutable copy exists. Keep at least one copy that ransomware cannot reach.",
      },
    });
  }
  if (new Set(sets.map((s) => s.media)).size < 2) {
    findings.push({
      code: "backups.single_media",
      severity: "medium",
      message: {
        ja: "バックアップが1種類の媒体にしかありません。2種類以上の媒体に分けてください。",
        en: "All copies are on one kind of media. Keep copies on at least two kinds of media.",
      },
    });
  }
  if (!sets.some((s) => hasRecentSuccessfulRestoreTest(s, today))) {
    findings.push({
      code: "backups.no_recent_restore_test",
      severity: "high",
      message: {
        ja: `${RESTORE_TEST_MAX_AGE_MONTHS}か月以内に成功した復元テストがありません。`,
        en: `No restore test has succeeded within the last ${RESTORE_TEST_MAX_AGE_MONTHS} months.`,
      },
    });
  }
  return findings;
}
