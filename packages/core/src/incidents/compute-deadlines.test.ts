import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeDeadlines } from "./compute-deadlines";
import { ZObligationRules } from "./deadline-contracts";
import type { TIncidentSymptom } from "./incident-contracts";
import { assessPpc, type TPpcAssessment } from "./ppc-assessment";

// The shipped rules, not a copy: the test fails if content/deadlines drifts from the PPC rule.
const rules = ZObligationRules.parse(
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, "../../../../content/deadlines/japan.json"), "utf8"),
  ),
).obligations;
const NOW = new Date("2026-11-21T00:00:00Z");
const answers = (over: Partial<TPpcAssessment> = {}): TPpcAssessment => ({
  sensitiveData: "no",
  financialHarm: "no",
  unauthorisedPurpose: "no",
  over1000: "no",
  affectedCount: null,
  dataItems: null,
  encryptedAtRest: "unknown",
  ...over,
});
/** An incident whose four 規則7条 questions were answered (unauthorised purpose as the symptoms suggest). */
const answered = (symptoms: TIncidentSymptom[], over: Partial<TPpcAssessment> = {}) =>
  assessPpc(
    answers({ unauthorisedPurpose: symptoms.some((x) => x !== "service_down") ? "yes" : "no", ...over }),
    symptoms,
  );
const byId = (views: ReturnType<typeof computeDeadlines>) =>
  Object.fromEntries(views.map((v) => [v.obligationId, v]));

describe("computeDeadlines (個人情報保護法 第26条, 施行規則 第8条)", () => {
  it("gives ransomware 60 days for the final report (規則7条3号: unauthorised purpose)", () => {
    const v = byId(
      computeDeadlines(
        rules,
        {
          learnedAt: "2026-11-20T00:00:00Z",
          personalData: "yes",
          symptoms: ["files_encrypted"],
          ppc: answered(["files_encrypted"]),
        },
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
        {
          learnedAt: "2026-11-20T00:00:00Z",
          personalData: "unknown",
          symptoms: ["service_down"],
          ppc: answered(["service_down"], { over1000: "yes" }),
        },
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
        {
          learnedAt: "2026-11-20T00:00:00Z",
          personalData: "no",
          symptoms: ["files_encrypted"],
          ppc: answered(["files_encrypted"]),
        },
        [],
        NOW,
      ),
    );
    expect(none["ppc-final"]).toMatchObject({ applies: false, status: "not_applicable", dueAt: null });
    expect(none.police?.applies).toBe(true);
    const undated = computeDeadlines(
      rules,
      { learnedAt: null, personalData: "yes", symptoms: [], ppc: answered([], { sensitiveData: "yes" }) },
      [],
      NOW,
    );
    expect(undated.every((d) => d.dueAt === null)).toBe(true);
  });

  it("marks overdue only while pending", () => {
    const learnedAt = "2026-10-01T00:00:00Z";
    const pending = byId(
      computeDeadlines(
        rules,
        { learnedAt, personalData: "yes", symptoms: ["phishing"], ppc: answered(["phishing"]) },
        [],
        NOW,
      ),
    );
    expect(pending["ppc-prompt"]?.overdue).toBe(true);
    const done = byId(
      computeDeadlines(
        rules,
        { learnedAt, personalData: "yes", symptoms: ["phishing"], ppc: answered(["phishing"]) },
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

  it("shows no PPC date until the four 規則7条 questions are answered; four no's drop the PPC duties", () => {
    const base = {
      learnedAt: "2026-11-20T00:00:00Z",
      personalData: "yes" as const,
      symptoms: ["files_encrypted"] as TIncidentSymptom[],
    };
    const asked = byId(computeDeadlines(rules, { ...base, ppc: assessPpc(null, base.symptoms) }, [], NOW));
    expect(asked["ppc-prompt"]).toMatchObject({
      applies: false,
      awaitingPpcAssessment: true,
      dueAt: null,
      status: "pending",
    });
    expect(asked["individuals"]?.awaitingPpcAssessment).toBe(true);
    expect(asked.police).toMatchObject({ applies: true, awaitingPpcAssessment: false });
    const none = byId(
      computeDeadlines(rules, { ...base, ppc: assessPpc(answers(), base.symptoms) }, [], NOW),
    );
    expect(none["ppc-final"]).toMatchObject({
      applies: false,
      awaitingPpcAssessment: false,
      status: "not_applicable",
    });
    const unsure = byId(
      computeDeadlines(
        rules,
        { ...base, ppc: assessPpc(answers({ over1000: "unknown" }), base.symptoms) },
        [],
        NOW,
      ),
    );
    expect(unsure["ppc-final"]).toMatchObject({ applies: true, dueAt: "2026-12-20T00:00:00.000Z" });
  });

  it("phishing counts as an unauthorised purpose: suggested, and 60 days for the final report once answered", () => {
    const view = assessPpc(null, ["phishing"]);
    expect(view).toMatchObject({ status: "unanswered", suggestedUnauthorisedPurpose: true });
    expect(assessPpc(null, ["service_down"]).suggestedUnauthorisedPurpose).toBe(false);
    const v = byId(
      computeDeadlines(
        rules,
        {
          learnedAt: "2026-11-20T00:00:00Z",
          personalData: "yes",
          symptoms: ["phishing"],
          ppc: answered(["phishing"]),
        },
        [],
        NOW,
      ),
    );
    expect(v["ppc-final"]?.dueAt).toBe("2027-01-19T00:00:00.000Z");
    expect(answered(["phishing"]).status).toBe("reportable");
  });
});
