import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ZChecklist } from "./assessment-contracts";
import type { ReadinessFacts } from "./assessment-facts";
import { assessChecklist, type ManualAnswer, rankGaps, scoreAssessment } from "./assessment-score";

const CHECKLIST_PATH = resolve(import.meta.dirname, "../../../../content/readiness/checklist.json");
const checklist = ZChecklist.parse(JSON.parse(readFileSync(CHECKLIST_PATH, "utf8")));
const TODAY = "2026-11-22";
const none = new Map<string, ManualAnswer>();

describe("the shipped checklist", () => {
  it("covers what the notice and the report ask for and cites both documents", () => {
    const ids = checklist.items.map((i) => i.id);
    for (const id of [
      "police-contact",
      "cyber-bcp",
      "vpn-patched",
      "remote-mfa",
      "credentials",
      "offline-backups",
    ]) {
      expect(ids).toContain(id);
    }
    const cited = new Set(checklist.items.flatMap((i) => i.citations.map((c) => c.source)));
    expect(cited).toEqual(new Set(["npa-notice-2025-01-31", "npa-annual-report-r7"]));
    expect(checklist.items.find((i) => i.id === "cyber-bcp")?.victimFigure?.text.ja).toContain("約18%");
  });

  it("rejects a checklist citing an unknown source or repeating an id", () => {
    const item = checklist.items[0]!;
    const badSource = { ...checklist, items: [{ ...item, citations: [{ source: "nope", section: "x" }] }] };
    expect(ZChecklist.safeParse(badSource).success).toBe(false);
    expect(ZChecklist.safeParse({ ...checklist, items: [item, item] }).success).toBe(false);
  });
});

describe("assessment", () => {
  it("has no score while nothing is known, and every applicable item is a gap", () => {
    const items = assessChecklist(checklist, { today: TODAY }, none);
    expect(scoreAssessment(items)).toEqual({ score: null, answered: 0, applicable: checklist.items.length });
    expect(rankGaps(items)).toHaveLength(checklist.items.length);
  });

  it("scores 0 once something is known and all of it is missing", () => {
    const memoryOnly = {
      kind: "vpn",
      retentionDays: 7,
      storage: "device_memory",
      protectedFromDeletion: false,
      clockSynchronised: false,
    } as const;
    const items = assessChecklist(checklist, { today: TODAY, backups: [], logs: [memoryOnly] }, none);
    expect(scoreAssessment(items)).toMatchObject({ score: 0, answered: 1 });
  });

  it("derives from registers first and uses manual answers for the rest", () => {
    const facts: ReadinessFacts = {
      today: TODAY,
      backups: [
        {
          media: "tape",
          connectivity: "offline",
          lastSuccessAt: TODAY,
          lastRestoreTestAt: "2026-10-01",
          lastRestoreTestResult: "success",
        },
      ],
      logs: [
        {
          kind: "vpn",
          retentionDays: 30,
          storage: "device_memory",
          protectedFromDeletion: false,
          clockSynchronised: false,
        },
      ],
      devices: {
        total: 2,
        remoteAccess: 1,
        remoteAccessWithMfa: 0,
        kev: { affectedDevices: 1, affectedEntries: 3, unknownOnlyDevices: 1, unknownEntries: 2 },
      },
    };
    const answers = new Map<string, ManualAnswer>([
      ["credentials", { answer: "partial", note: null }],
      ["ddos-measures", { answer: "not_applicable", note: "公開サービスなし" }],
      // A manual "yes" does not override what the register says.
      ["offline-backups", { answer: "no", note: null }],
      // "not applicable" is ignored where the item does not allow it.
      ["drills", { answer: "not_applicable", note: null }],
    ]);
    const items = assessChecklist(checklist, facts, answers);
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get("offline-backups")).toMatchObject({ status: "met", basis: "register" });
    expect(byId.get("logs-off-device")).toMatchObject({ status: "unmet", basis: "register" });
    expect(byId.get("vpn-patched")).toMatchObject({ status: "unmet", basis: "register" });
    expect(byId.get("remote-mfa")?.status).toBe("unmet");
    expect(byId.get("credentials")).toMatchObject({ status: "partial", basis: "manual" });
    expect(byId.get("credentials")?.reason).toEqual({
      ja: "手入力の回答: 一部",
      en: "Manual answer: partly",
    });
    expect(byId.get("ddos-measures")?.status).toBe("not_applicable");
    expect(byId.get("drills")).toMatchObject({ status: "unknown", basis: "none" });

    const { score, applicable } = scoreAssessment(items);
    expect(applicable).toBe(checklist.items.length - 1);
    const weights = checklist.items.filter((i) => i.id !== "ddos-measures");
    const total = weights.reduce((s, i) => s + i.risk, 0);
    const earned = 5 /* offline-backups */ + 3 /* devices-recorded */ + 4 * 0.5; /* credentials */
    expect(score).toBe(Math.round((100 * earned) / total));

    const gaps = rankGaps(items);
    // Risk-5 items that are fully missing come first, in checklist order; partial credentials after full losses of 4.
    expect(gaps.slice(0, 2).map((g) => g.itemId)).toEqual(["vpn-patched", "remote-mfa"]);
    expect(gaps.map((g) => g.itemId)).not.toContain("offline-backups");
    expect(gaps.map((g) => g.itemId)).not.toContain("ddos-measures");
    const cred = gaps.findIndex((g) => g.itemId === "credentials");
    const logs = gaps.findIndex((g) => g.itemId === "logs-off-device");
    expect(logs).toBeLessThan(cred);
    expect(gaps.map((g) => g.rank)).toEqual(gaps.map((_, i) => i + 1));
    expect(gaps[0]?.fix.ja).toContain("KEV");
  });

  it("weighs KEV entries by verdict: affected fully, unknown lightly with the reason, not affected not at all", () => {
    const kev = (k: { affectedDevices: number; unknownOnlyDevices: number }) =>
      assessChecklist(
        checklist,
        {
          today: TODAY,
          devices: {
            total: 3,
            remoteAccess: 0,
            remoteAccessWithMfa: 0,
            kev: { ...k, affectedEntries: k.affectedDevices * 2, unknownEntries: k.unknownOnlyDevices * 3 },
          },
        },
        none,
      );
    const item = (items: ReturnType<typeof kev>) => items.find((i) => i.id === "vpn-patched")!;
    const affected = kev({ affectedDevices: 1, unknownOnlyDevices: 1 });
    const unknownOnly = kev({ affectedDevices: 0, unknownOnlyDevices: 2 });
    const clean = kev({ affectedDevices: 0, unknownOnlyDevices: 0 });
    expect(item(affected)).toMatchObject({ status: "unmet" });
    expect(item(unknownOnly)).toMatchObject({ status: "partial", credit: 0.75 });
    expect(item(unknownOnly).reason.ja).toContain("要確認");
    expect(item(unknownOnly).reason.ja).toContain("25%");
    expect(item(clean).status).toBe("met");
    const score = (items: ReturnType<typeof kev>) => scoreAssessment(items).score!;
    // Same registers otherwise: unknown entries cost a quarter of what affected ones cost.
    expect(score(clean) - score(unknownOnly)).toBeGreaterThan(0);
    expect((score(clean) - score(affected)) / (score(clean) - score(unknownOnly))).toBeCloseTo(4, 0);
    const gap = rankGaps(unknownOnly).find((g) => g.itemId === "vpn-patched")!;
    expect(gap.credit).toBe(0.75);
  });

  it("uses plan and drill facts when the plans area provides them", () => {
    const items = assessChecklist(
      checklist,
      {
        today: TODAY,
        plans: { cyberBcpWithPolice: true, lastReviewedAt: "2025-11-21" },
        drills: { lastHeldAt: "2026-01-10" },
      },
      none,
    );
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get("cyber-bcp")?.status).toBe("met");
    expect(byId.get("plan-reviewed")?.status).toBe("unmet");
    expect(byId.get("drills")?.status).toBe("met");
  });
});
