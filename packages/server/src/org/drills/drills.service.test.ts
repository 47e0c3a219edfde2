import type { DbHandle } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor } from "../../testing/factories";
import { getPlansReadinessFacts } from "../plans/plans-readiness.service";
import { findOpenDrillFindings, getDrillHistory } from "./drill-history.service";
import { getDrillScenario } from "./drill-scenarios";
import {
  closeDrillFinding,
  finishDrill,
  getDrill,
  recordDrillDecision,
  revealNextInject,
  startDrill,
} from "./drills.service";

const START = new Date("2026-11-10T01:00:00Z");
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

describe.each(testBackends())("drills service on $name", (backend) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(() => handle.close());

  it("runs the ransomware drill facilitated: injects on demand, decisions, findings, history", async () => {
    const db = handle.db;
    const ctx = await createTestActor(db, { role: "member" });
    const org = ctx.actor.organisationId;
    const scenario = getDrillScenario("ransomware-vpn");
    const participants = [{ name: "山田", role: "責任者" }, { name: "鈴木" }];
    const run = await startDrill(
      db,
      ctx,
      { scenarioId: scenario.id, mode: "facilitated", participants },
      START,
    );
    let drill = await getDrill(db, org, run.id, at(500));
    // Facilitated: only the first inject, however much time passes.
    expect(drill.dueInjects.map((i) => i.id)).toEqual(["vpn-advisory"]);

    drill = await recordDrillDecision(
      db,
      ctx,
      run.id,
      { injectId: "vpn-advisory", participant: "山田", text: "VPN装置を更新するまで外部公開を停止" },
      at(3),
    );
    expect(drill.decisions[0]?.minute).toBe(3);
    await expect(
      recordDrillDecision(db, ctx, run.id, { injectId: "encryption", participant: "鈴木", text: "x" }, at(4)),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "injectId" });

    for (let i = 1; i < scenario.injects.length; i++)
      drill = await revealNextInject(db, ctx, run.id, at(4 + i));
    expect(drill.hasMoreInjects).toBe(false);
    await expect(revealNextInject(db, ctx, run.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await recordDrillDecision(
      db,
      ctx,
      run.id,
      { injectId: "encryption", participant: "鈴木", text: "警察へ通報し、BCPを発動" },
      at(20),
    );

    drill = await finishDrill(
      db,
      ctx,
      run.id,
      {
        summary: "初動は概ね良好",
        findings: [{ severity: "medium", title: "保険会社の連絡先が古い", fix: "連絡先を更新する" }],
      },
      at(30),
    );
    // Every revealed inject without a decision becomes a finding, plus the participants' own.
    const missed = scenario.injects.filter((i) => !["vpn-advisory", "encryption"].includes(i.id));
    expect(drill.findings).toHaveLength(missed.length + 1);
    expect(drill.findings.map((f) => f.title.ja)).toContain(missed[0]!.ifMissed.title.ja);
    expect(drill.findings.filter((f) => f.origin === "participant")[0]?.title.en).toBe(
      "保険会社の連絡先が古い",
    );
    await expect(finishDrill(db, ctx, run.id, {})).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      recordDrillDecision(db, ctx, run.id, { injectId: "encryption", participant: "x", text: "late" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    expect((await getPlansReadinessFacts(db, org)).drills.lastHeldAt).toBe("2026-11-10");
    const open = await findOpenDrillFindings(db, org);
    expect(open).toHaveLength(missed.length + 1);
    expect(open[0]?.severity).toBe("high");
    await closeDrillFinding(db, ctx, open[0]!.id);
    expect(await findOpenDrillFindings(db, org)).toHaveLength(missed.length);
    const [history] = await getDrillHistory(db, org);
    expect(history).toMatchObject({
      scenarioId: "ransomware-vpn",
      participants: ["山田", "鈴木"],
      findingCount: missed.length + 1,
      openFindingCount: missed.length,
      finishedAt: at(30).toISOString(),
    });
  });

  it("reveals injects by elapsed time in realtime mode and hides drills from other organisations", async () => {
    const db = handle.db;
    const ctx = await createTestActor(db);
    const other = await createTestActor(db);
    const run = await startDrill(
      db,
      ctx,
      { scenarioId: "ddos-public-site", mode: "realtime", participants: [{ name: "広報 高橋" }] },
      START,
    );
    expect((await getDrill(db, ctx.actor.organisationId, run.id, at(14))).dueInjects).toHaveLength(1);
    expect(
      (await getDrill(db, ctx.actor.organisationId, run.id, at(31))).dueInjects.map((i) => i.id),
    ).toEqual(["site-down", "origin-attack", "claim"]);
    await expect(getDrill(db, other.actor.organisationId, run.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(finishDrill(db, other, run.id, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDrillHistory(db, other.actor.organisationId)).toEqual([]);
    await expect(
      startDrill(db, ctx, { scenarioId: "no-such-scenario", participants: [{ name: "x" }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
