import { AppError } from "@sonae/core";
import { auditEvents, contacts, type DbHandle } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor } from "../../testing/factories";
import { createBusinessFunction, updateBusinessFunction } from "./business-functions.service";
import {
  approvePlanDocument,
  diffPlanVersions,
  downloadPlanDocument,
  generatePlanDocument,
  getPlanDocument,
} from "./plan-documents.service";
import { getPlanReviewStatus } from "./plan-review.service";
import { getPlansReadinessFacts } from "./plans-readiness.service";
import { seedPlanRecord, TEST_DESK_PHONE } from "./testing/plans-fixture";

describe.each(testBackends())("plans service on $name", (backend) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(() => handle.close());

  it("generates versions from the record, diffs them and counts the yearly review", async () => {
    const db = handle.db;
    const admin = await createTestActor(db);
    const { desk } = await seedPlanRecord(db, admin.actor.organisationId);

    const v1 = await generatePlanDocument(db, admin, "bcp", new Date("2026-11-01T00:00:00Z"));
    expect(v1.version).toBe(1);
    // Police desk first, with its number; the team member without a phone is left out.
    expect(v1.renderedText).toContain(desk);
    expect(v1.renderedText).toContain(TEST_DESK_PHONE);
    expect(v1.renderedText).not.toContain("電話なし 花子");
    expect(v1.renderedText.indexOf("受注・出荷")).toBeLessThan(v1.renderedText.indexOf("生産管理"));
    const model = v1.model as { devices: { logLocation: string }[]; team: { role: string }[] };
    expect(model.devices[0]?.logLocation).toBe("memory");
    expect(model.team.map((m) => m.role)).toEqual(["lead", "it"]);

    const added = await createBusinessFunction(db, admin, {
      name: "給与計算",
      priority: 3,
      rtoHours: 168,
      manualWorkaround: "前月実績で仮払い",
    });
    await updateBusinessFunction(db, admin, added.id, { ...added, rtoHours: 120 });
    const v2 = await generatePlanDocument(db, admin, "bcp", new Date("2026-11-02T00:00:00Z"));
    expect(v2.version).toBe(2);
    const diff = await diffPlanVersions(db, admin.actor.organisationId, "bcp", 1, 2);
    const addedLines = diff.parts.filter((p) => p.op === "added").flatMap((p) => p.lines);
    expect(addedLines.some((line) => line.includes("給与計算") && line.includes("120"))).toBe(true);
    expect(diff.added).toBeGreaterThan(0);

    // Members may generate but only an administrator approves.
    const member = await createTestActor(db, { role: "member", organisationId: admin.actor.organisationId });
    await expect(approvePlanDocument(db, member, "bcp", 2)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const approvedAt = new Date("2026-11-03T00:00:00Z");
    const approved = await approvePlanDocument(db, admin, "bcp", 2, approvedAt);
    expect(approved.approvedByName).toBe(admin.actor.displayName);
    await expect(approvePlanDocument(db, admin, "bcp", 2)).rejects.toMatchObject({ code: "CONFLICT" });

    // The manual too, then the review clock: reviewed until approval + 12 months.
    await generatePlanDocument(db, admin, "manual", approvedAt);
    await approvePlanDocument(db, admin, "manual", 1, approvedAt);
    const org = admin.actor.organisationId;
    const within = await getPlanReviewStatus(db, org, new Date("2027-11-02T00:00:00Z"));
    expect(within.isReviewedWithin12Months).toBe(true);
    expect(within.kinds.find((k) => k.kind === "bcp")?.nextReviewDue).toBe("2027-11-03T00:00:00.000Z");
    const overdue = await getPlanReviewStatus(db, org, new Date("2027-11-04T00:00:00Z"));
    expect(overdue.isReviewedWithin12Months).toBe(false);
    expect(overdue.kinds.find((k) => k.kind === "manual")?.isOverdue).toBe(true);

    expect(await getPlansReadinessFacts(db, org)).toEqual({
      plans: { cyberBcpWithPolice: true, lastReviewedAt: "2026-11-03" },
      drills: { lastHeldAt: null },
    });

    const types = (await db.select().from(auditEvents).where(eq(auditEvents.organisationId, org))).map(
      (e) => e.type,
    );
    expect(types).toEqual(
      expect.arrayContaining([
        "plans.document_generated",
        "plans.business_function_created",
        "plans.business_function_updated",
        "plans.document_approved",
      ]),
    );
  });

  it("leaves out an unverified police desk and renders the approved version with its approver", async () => {
    const db = handle.db;
    const admin = await createTestActor(db);
    await seedPlanRecord(db, admin.actor.organisationId);
    await db
      .update(contacts)
      .set({ verifiedAt: null })
      .where(
        and(eq(contacts.organisationId, admin.actor.organisationId), eq(contacts.category, "police_desk")),
      );
    expect(
      (await getPlansReadinessFacts(db, admin.actor.organisationId)).plans.cyberBcpWithPolice,
    ).toBeNull();
    await generatePlanDocument(db, admin, "bcp");
    await approvePlanDocument(db, admin, "bcp", 1);
    // An approved BCP without a verified police desk does not meet the item.
    expect((await getPlansReadinessFacts(db, admin.actor.organisationId)).plans).toEqual({
      cyberBcpWithPolice: false,
      lastReviewedAt: null,
    });
    const doc = await generatePlanDocument(db, admin, "manual");
    expect(doc.renderedText).not.toContain(TEST_DESK_PHONE);
    await approvePlanDocument(db, admin, "manual", 1);
    const html = await downloadPlanDocument(db, admin, {
      kind: "manual",
      version: 1,
      format: "html",
      lang: "ja",
    });
    expect(String(html.body)).toContain(admin.actor.displayName);
    await expect(
      downloadPlanDocument(db, admin, { kind: "card", version: 1, format: "html", lang: "ja" }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("never shows one organisation's versions to another", async () => {
    const db = handle.db;
    const a = await createTestActor(db);
    const b = await createTestActor(db);
    await seedPlanRecord(db, a.actor.organisationId);
    await generatePlanDocument(db, a, "manual");
    await expect(getPlanDocument(db, b.actor.organisationId, "manual", 1)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(approvePlanDocument(db, b, "manual", 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // b's own first version is also number 1: numbering is per organisation and kind.
    expect((await generatePlanDocument(db, b, "manual")).version).toBe(1);
  });
});
