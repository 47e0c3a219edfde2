import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeDeadlines } from "./compute-deadlines";
import { ZObligationRules } from "./deadline-contracts";

// The shipped rules, not a copy: the test fails if content/deadlines drifts from the PPC rule.
const rules = ZObligationRules.parse(
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, "../../../../content/deadlines/japan.json"), "utf8"),
  ),
).obligations;
const NOW = new Date("2026-11-21T00:00:00Z");
const byId = (views: ReturnType<typeof computeDeadlines>) =>
  Object.fromEntries(views.map((v) => [v.obligationId, v]));

describe("computeDeadlines (個人情報保護法 第26条, 施行規則 第8条)", () => {
  it("gives ransomware 60 days for the final report (規則7条3号: unauthorised purpose)", () => {
    const v = byId(
      computeDeadlines(
        rules,
        { learnedAt: "2026-11-20T00:00:00Z", personalData: "yes", symptoms: ["files_encrypted"] },
        [],
        NOW,
      ),
    );
    expect(v["ppc-final"]?.dueAt).toBe("2027-01-19T00:00:00.000Z");
    expect(v["ppc-prompt"]?.dueFrom).toBe("2026-11-23T00:00:00.000Z");
    expect(v["ppc-prompt"]?.dueAt).toBe("2026-11-25T00:00:00.000Z");
    expect(v["ppc-final"]?.source.kind).toBe("primary");
  });

  it("gives 30 days when no unauthorised purpose is suspected (e.g. service outage only)", () => {
    const v = byId(
      computeDeadlines(
        rules,
        { learnedAt: "2026-11-20T00:00:00Z", personalData: "unknown", symptoms: ["service_down"] },
        [],
        NOW,
      ),
    );
    expect(v["ppc-final"]?.dueAt).toBe("2026-12-20T00:00:00.000Z");
  });

  it("drops PPC duties when no personal data is involved and computes nothing without learnedAt", () => {
    const none = byId(
      computeDeadlines(
        rules,
        { learnedAt: "2026-11-20T00:00:00Z", personalData: "no", symptoms: ["files_encrypted"] },
        [],
        NOW,
      ),
    );
    expect(none["ppc-final"]).toMatchObject({ applies: false, status: "not_applicable", dueAt: null });
    expect(none.police?.applies).toBe(true);
    const undated = computeDeadlines(rules, { learnedAt: null, personalData: "yes", symptoms: [] }, [], NOW);
    expect(undated.every((d) => d.dueAt === null)).toBe(true);
  });

  it("marks overdue only while pending", () => {
    const learnedAt = "2026-10-01T00:00:00Z";
    const pending = byId(
      computeDeadlines(rules, { learnedAt, personalData: "yes", symptoms: ["phishing"] }, [], NOW),
    );
    expect(pending["ppc-prompt"]?.overdue).toBe(true);
    const done = byId(
      computeDeadlines(
        rules,
        { learnedAt, personalData: "yes", symptoms: ["phishing"] },
        [
          {
            obligationId: "ppc-prompt",
            status: "done",
            doneAt: "2026-10-03T00:00:00Z",
            recipient: "PPC",
            officer: null,
            referenceNumber: "A-1",
            note: null,
          },
        ],
        NOW,
      ),
    );
    expect(done["ppc-prompt"]).toMatchObject({ overdue: false, status: "done", referenceNumber: "A-1" });
  });
});
