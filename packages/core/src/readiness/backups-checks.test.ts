import { describe, expect, it } from "vitest";
import { type BackupSetFacts, checkBackupRegister, checkBackupSet, subtractMonths } from "./backups-checks";

const TODAY = "2026-11-22";
const base: BackupSetFacts = {
  media: "nas",
  connectivity: "online",
  lastSuccessAt: "2026-11-21",
  lastRestoreTestAt: null,
  lastRestoreTestResult: null,
};
const codes = (w: { code: string }[]) => w.map((x) => x.code).sort();

describe("subtractMonths", () => {
  it("clamps to the last day of shorter months and crosses years", () => {
    expect(subtractMonths("2026-08-31", 6)).toBe("2026-02-28");
    expect(subtractMonths("2026-03-15", 6)).toBe("2025-09-15");
    expect(subtractMonths("2028-08-31", 6)).toBe("2028-02-29");
  });
});

describe("checkBackupSet", () => {
  it("warns about an online set never restore-tested", () => {
    expect(codes(checkBackupSet(base, TODAY))).toEqual(["backup.never_restore_tested", "backup.online_only"]);
  });

  it("accepts a tested offline set exactly 6 months back, and flags one a day older", () => {
    const tested = { ...base, connectivity: "offline" as const, lastRestoreTestResult: "success" as const };
    expect(checkBackupSet({ ...tested, lastRestoreTestAt: "2026-05-22" }, TODAY)).toEqual([]);
    expect(codes(checkBackupSet({ ...tested, lastRestoreTestAt: "2026-05-21" }, TODAY))).toEqual([
      "backup.restore_test_stale",
    ]);
  });

  it("treats a failed or partial restore test as a high warning with both languages", () => {
    const w = checkBackupSet(
      { ...base, lastRestoreTestAt: "2026-10-01", lastRestoreTestResult: "partial" },
      TODAY,
    );
    const failed = w.find((x) => x.code === "backup.restore_test_failed");
    expect(failed?.severity).toBe("high");
    expect(failed?.message.ja).toMatch(/復元テスト/);
    expect(failed?.message.en).toMatch(/restore test/);
  });
});

describe("checkBackupRegister", () => {
  it("reports an empty register", () => {
    expect(codes(checkBackupRegister([], TODAY))).toEqual(["backups.none"]);
  });

  it("needs an offline/immutable copy, two media and a recent restore test", () => {
    expect(codes(checkBackupRegister([base, { ...base }], TODAY))).toEqual([
      "backups.no_offline_copy",
      "backups.no_recent_restore_test",
      "backups.single_media",
    ]);
    const good = [
      base,
      {
        ...base,
        media: "tape" as const,
        connectivity: "immutable" as const,
        lastRestoreTestAt: "2026-09-01",
        lastRestoreTestResult: "success" as const,
      },
    ];
    expect(checkBackupRegister(good, TODAY)).toEqual([]);
  });

  it("does not count a restore test dated in the future", () => {
    const future = {
      ...base,
      media: "tape" as const,
      lastRestoreTestAt: "2027-01-01",
      lastRestoreTestResult: "success" as const,
    };
    expect(codes(checkBackupRegister([base, future], TODAY))).toContain("backups.no_recent_restore_test");
  });
});
