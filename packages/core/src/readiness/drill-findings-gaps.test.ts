import { describe, expect, it } from "vitest";
import type { TReadinessGap } from "./assessment-contracts";
import { mergeDrillFindingsIntoGaps } from "./assessment-score";

const t = (s: string) => ({ ja: s, en: s });
const gap = (itemId: string, risk: number, status: TReadinessGap["status"]): TReadinessGap => ({
  itemId,
  rank: 0,
  title: t(itemId),
  status,
  risk,
  reason: t("r"),
  fix: t("f"),
});

describe("mergeDrillFindingsIntoGaps", () => {
  it("ranks a high-severity drill finding above lesser checklist gaps and renumbers", () => {
    const merged = mergeDrillFindingsIntoGaps(
      [gap("vpn-patched", 5, "unmet"), gap("logs-off-device", 4, "partial"), gap("drills", 2, "unmet")],
      [{ id: "f1", severity: "high", title: t("連絡先が古い"), fix: t("更新する") }],
    );
    expect(merged.map((g) => g.itemId)).toEqual([
      "vpn-patched",
      "drill-finding:f1",
      "logs-off-device",
      "drills",
    ]);
    expect(merged.map((g) => g.rank)).toEqual([1, 2, 3, 4]);
    expect(merged[1]).toMatchObject({ status: "unmet", risk: 4, fix: t("更新する") });
  });

  it("leaves the checklist gaps untouched when there are no findings", () => {
    const gaps = [gap("a", 3, "unmet"), gap("b", 2, "unknown")];
    expect(mergeDrillFindingsIntoGaps(gaps, []).map((g) => g.itemId)).toEqual(["a", "b"]);
  });
});
