import type { DbHandle } from "@sonae/db";
import { auditEvents } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../app-deps";
import { createTestActor } from "../../testing/factories";
import { recordChecklistStep } from "./incident-checklist.service";
import { listUpcomingDeadlines, viewIncident } from "./incident-detail.service";
import { exportIncident } from "./incident-exports.service";
import { extractIntoIncident } from "./incident-indicators.service";
import { recordPpcAssessment } from "./incident-ppc.service";
import { setIncidentTeam } from "./incident-team.service";
import { recordDemand, recordReport } from "./incident-work.service";
import { createIncident, listIncidents, updateIncident } from "./incidents.service";
import { readCubaNote, seedReadiness } from "./testing/incident-fixture";

describe.each(testBackends())("incident services on $name", (backend) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(() => handle.close());

  it("runs an incident end to end, all changes audited in their transaction", async () => {
    const db = handle.db;
    const ctx = await createTestActor(db);
    await seedReadiness(db, ctx.actor.organisationId);
    const incident = await createIncident(db, ctx, { symptoms: ["files_encrypted"] });
    await updateIncident(db, ctx, incident.id, {
      status: "open",
      learnedAt: "2026-11-20T00:00:00Z",
      personalData: "yes",
      terminals: [{ host: "FS01", encrypted: "yes" }],
    });
    await recordPpcAssessment(db, ctx, incident.id, {
      sensitiveData: "no",
      financialHarm: "no",
      unauthorisedPurpose: "yes",
      over1000: "no",
    });
    await recordChecklistStep(db, ctx, incident.id, "keep-powered", { done: true });
    await recordDemand(db, ctx, incident.id, { noteText: readCubaNote(), paid: "no" });
    // The demand's note was mined for indicators when it was saved: extracting it again adds none.
    const { added, duplicates } = await extractIntoIncident(db, ctx, incident.id, readCubaNote());
    expect(added).toBe(0);
    expect(duplicates).toBeGreaterThan(0);
    await recordReport(db, ctx, incident.id, "ppc-prompt", {
      status: "done",
      doneAt: "2026-11-22T00:00:00Z",
    });

    const detail = await viewIncident(db, ctx, incident.id);
    expect(detail.terminals).toHaveLength(1);
    expect(detail.checklist.find((s) => s.id === "keep-powered")?.done?.by).toBe(ctx.actor.displayName);
    expect(detail.deadlines.find((d) => d.obligationId === "ppc-final")?.dueAt).toBe(
      "2027-01-19T00:00:00.000Z",
    );
    const upcoming = await listUpcomingDeadlines(db, ctx, new Date("2026-11-21T00:00:00Z"));
    expect(upcoming.map((d) => d.obligationId)).toEqual(["ppc-final"]);

    await updateIncident(db, ctx, incident.id, { status: "closed" });
    expect(await listUpcomingDeadlines(db, ctx, new Date("2026-11-21T00:00:00Z"))).toEqual([]);
    expect((await viewIncident(db, ctx, incident.id)).timeline.at(-1)?.text).toContain("Incident closed");
    const deps = {
      db,
      dbKind: "pglite",
      config: { dataDir: "/nonexistent-sonae-data" },
    } as unknown as AppDeps;
    const file = await exportIncident(deps, ctx, incident.id, "json");
    const pkg = JSON.parse(String(file.body));
    // Every value extracted from the note is in the package: as an indicator, or as context.
    expect(pkg.indicators.length + (pkg.indicatorContext?.length ?? 0)).toBe(duplicates);

    const types = (
      await db
        .select({ type: auditEvents.type })
        .from(auditEvents)
        .where(eq(auditEvents.organisationId, ctx.actor.organisationId))
    ).map((r) => r.type);
    for (const type of [
      "incident.created",
      "incident.updated",
      "incident.checklist_step_recorded",
      "incident.demand_recorded",
      "incident.indicators_added",
      "incident.report_recorded",
      "incident.viewed",
      "incident.exported",
      "incident.ppc_assessed",
    ])
      expect(types).toContain(type);
  });

  it("rejects bad input without writing anything", async () => {
    const db = handle.db;
    const ctx = await createTestActor(db);
    const incident = await createIncident(db, ctx, {});
    await expect(
      updateIncident(db, ctx, incident.id, { title: "x", terminals: [{ host: "" }] } as never),
    ).rejects.toThrow();
    const after = await viewIncident(db, ctx, incident.id);
    expect(after.title).not.toBe("x");
    await expect(
      recordReport(db, ctx, incident.id, "no-such-rule", { status: "pending" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps incidents inside the team and the organisation", async () => {
    const db = handle.db;
    const admin = await createTestActor(db);
    const member = await createTestActor(db, { role: "member", organisationId: admin.actor.organisationId });
    const stranger = await createTestActor(db);
    const incident = await createIncident(db, admin, { symptoms: ["phishing"] });
    await expect(viewIncident(db, member, incident.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createIncident(db, member, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setIncidentTeam(db, admin, [member.actor.userId]);
    const seen = await viewIncident(db, member, incident.id);
    // No desk recorded: the step says so and names the prefecture's police (Tokyo → 警視庁), with no number.
    const police = seen.checklist.find((s) => s.id === "contact-police");
    expect(police?.facts[0]?.value).toContain("未登録");
    expect(police?.facts[0]?.value).toContain("警視庁");
    expect(police?.facts[0]?.value).not.toMatch(/\d{2,4}-\d{2,4}-\d{3,4}/);
    await expect(viewIncident(db, stranger, incident.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listIncidents(db, stranger)).toEqual([]);
    await expect(setIncidentTeam(db, admin, [stranger.actor.userId])).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const viewed = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organisationId, admin.actor.organisationId),
          eq(auditEvents.type, "incident.viewed"),
        ),
      );
    expect(viewed.length).toBe(1);
  });
});
