import type { DbHandle } from "@sonae/db";
import { auditEvents, devices, readinessSnapshots } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { loadShippedKevCatalog } from "@sonae/kev";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor } from "../../testing/factories";
import {
  createBackupSet,
  deleteBackupSet,
  getBackupRegister,
  updateBackupSet,
} from "../backups/backups.service";
import { createLogSource, getLogRegister } from "../log-sources/log-sources.service";
import {
  getNetworkDiagram,
  renderOrganisationNetworkSvg,
  saveNetworkDiagram,
} from "../network/network.service";
import { getAssessment, recordReadinessSnapshot, saveReadinessAnswer } from "./assessment.service";
import { getReadinessDashboard } from "./dashboard.service";
import { ONLINE_NAS, VPN_MEMORY_LOG } from "./readiness-test-support";

// The shipped CISA KEV snapshot (content/kev, CC0): real entries, so the VPN below really matches.
const catalog = loadShippedKevCatalog();
const env = { kevCatalog: () => catalog };

describe.each(testBackends())("readiness part B services on $name", (backend) => {
  // One database per back end for the file: each test makes its own organisations, so they never collide.
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(() => handle.close());

  it("keeps backup and log registers per organisation, with warnings, audit and one snapshot per day", async () => {
    const ctx = await createTestActor(handle.db);
    const other = await createTestActor(handle.db);
    const org = ctx.actor.organisationId;

    const nas = await createBackupSet(handle.db, ctx, ONLINE_NAS, env);
    expect(nas.warnings.map((w) => w.code)).toContain("backup.online_only");
    let register = await getBackupRegister(handle.db, org);
    expect(register.findings.map((f) => f.code)).toEqual([
      "backups.no_offline_copy",
      "backups.single_media",
      "backups.no_recent_restore_test",
    ]);
    await createBackupSet(
      handle.db,
      ctx,
      {
        ...ONLINE_NAS,
        name: "週次テープ",
        media: "tape",
        connectivity: "offline",
        lastRestoreTestAt: "2026-10-01",
        lastRestoreTestResult: "success",
      },
      env,
    );
    register = await getBackupRegister(handle.db, org, "2026-11-22");
    expect(register.findings).toEqual([]);

    const updated = await updateBackupSet(
      handle.db,
      ctx,
      nas.id,
      { ...ONLINE_NAS, connectivity: "immutable" },
      env,
    );
    expect(updated.warnings.map((w) => w.code)).not.toContain("backup.online_only");
    await expect(updateBackupSet(handle.db, other, nas.id, ONLINE_NAS)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(deleteBackupSet(handle.db, other, nas.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getBackupRegister(handle.db, other.actor.organisationId)).backupSets).toEqual([]);

    const log = await createLogSource(handle.db, ctx, VPN_MEMORY_LOG, env);
    expect(log.warnings.map((w) => w.code)).toEqual([
      "log.memory_only",
      "log.no_off_device_copy",
      "log.retention_short",
      "log.not_protected",
    ]);
    // A device of another organisation cannot be linked.
    const [foreign] = await handle.db
      .insert(devices)
      .values({
        organisationId: other.actor.organisationId,
        name: "x",
        type: "vpn",
        vendor: "x",
        product: "x",
      })
      .returning();
    await expect(
      createLogSource(handle.db, ctx, { ...VPN_MEMORY_LOG, deviceId: foreign!.id }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      field: "deviceId",
    });
    expect((await getLogRegister(handle.db, org)).findings.map((f) => f.code)).toEqual([
      "logs.kept_on_device",
    ]);

    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.organisationId, org));
    const types = audit.map((a) => a.type);
    expect(types.filter((t) => t === "backup_set.created")).toHaveLength(2);
    expect(types).toContain("backup_set.updated");
    expect(types).toContain("log_source.created");
    const change = audit.find((a) => a.type === "backup_set.updated")!.payload as {
      changes: Record<string, unknown>;
    };
    expect(change.changes).toEqual({ connectivity: { from: "online", to: "immutable" } });

    // Five changes today, one snapshot row.
    const snaps = await handle.db
      .select()
      .from(readinessSnapshots)
      .where(eq(readinessSnapshots.organisationId, org));
    expect(snaps).toHaveLength(1);
    const assessment = await getAssessment(handle.db, org, env);
    expect(snaps[0]!.score).toBe(assessment.score);
    expect(assessment.history).toHaveLength(1);
    // A racing second insert on the same day still shows as one point (the latest); older days stay.
    await handle.db.insert(readinessSnapshots).values([
      { organisationId: org, score: 99, details: {}, at: new Date(Date.now() + 1000) },
      { organisationId: org, score: 5, details: {}, at: new Date("2026-01-05T03:00:00Z") },
    ]);
    expect((await getAssessment(handle.db, org, env)).history.map((h) => h.score)).toEqual([5, 99]);
  });

  it("derives the VPN item from the KEV catalogue and ranks it first; refuses 'not applicable' where it would hide a gap", async () => {
    const ctx = await createTestActor(handle.db);
    const org = ctx.actor.organisationId;
    // FortiOS 7.0.0 SSL-VPN: CVE-2022-42475 and others in the KEV catalogue, used by ransomware.
    await handle.db.insert(devices).values({
      organisationId: org,
      name: "本社 SSL-VPN",
      type: "vpn",
      vendor: "Fortinet",
      product: "FortiGate",
      version: "FortiOS 7.0.0",
      mfaEnabled: false,
    });
    await expect(
      saveReadinessAnswer(handle.db, ctx, "credentials", { answer: "not_applicable", note: null }, env),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "answer" });
    await expect(
      saveReadinessAnswer(handle.db, ctx, "no-such-item", { answer: "yes", note: null }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const a = await saveReadinessAnswer(
      handle.db,
      ctx,
      "ddos-measures",
      { answer: "not_applicable", note: "公開サービスなし" },
      env,
    );
    const byId = new Map(a.items.map((i) => [i.id, i]));
    expect(byId.get("vpn-patched")).toMatchObject({ status: "unmet", basis: "register" });
    expect(byId.get("remote-mfa")).toMatchObject({ status: "unmet", basis: "register" });
    expect(byId.get("ddos-measures")?.status).toBe("not_applicable");
    expect(a.gaps[0]?.itemId).toBe("vpn-patched");
    expect(a.score).not.toBeNull();
    const again = await recordReadinessSnapshot(handle.db, ctx, env);
    expect(again.history).toHaveLength(1);

    const dash = await getReadinessDashboard(handle.db, org, env);
    expect(dash.kev.devices[0]).toMatchObject({ name: "本社 SSL-VPN" });
    expect(dash.kev.devices[0]!.cves).toContain("CVE-2022-42475");
    expect(dash.kev.catalog?.dateReleased).toBe(catalog.dateReleased);
    expect(dash.kev.checkedDevices).toBe(1);
    expect(dash.score).toBe(a.score);
    const answers = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org), eq(auditEvents.type, "readiness.answer_saved")));
    expect(answers).toHaveLength(1);
  });

  it("stores the network diagram, rejects foreign devices and renders the saved document as SVG", async () => {
    const ctx = await createTestActor(handle.db);
    const other = await createTestActor(handle.db);
    expect(await getNetworkDiagram(handle.db, ctx.actor.organisationId)).toEqual({
      document: { version: 1, nodes: [], edges: [] },
      updatedAt: null,
    });
    const [foreign] = await handle.db
      .insert(devices)
      .values({
        organisationId: other.actor.organisationId,
        name: "x",
        type: "vpn",
        vendor: "x",
        product: "x",
      })
      .returning();
    const doc = {
      version: 1 as const,
      nodes: [
        { id: "inet", type: "internet" as const, label: "", deviceId: null, position: { x: 0, y: 0 } },
        {
          id: "lan",
          type: "segment" as const,
          label: "社内LAN",
          deviceId: null,
          position: { x: 0, y: 120 },
        },
      ],
      edges: [{ id: "e1", source: "inet", target: "lan", label: "" }],
    };
    await expect(
      saveNetworkDiagram(handle.db, ctx, {
        ...doc,
        nodes: [...doc.nodes, { ...doc.nodes[0]!, id: "d", type: "device", deviceId: foreign!.id }],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const saved = await saveNetworkDiagram(handle.db, ctx, doc);
    expect(saved.updatedAt).not.toBeNull();
    expect((await getNetworkDiagram(handle.db, ctx.actor.organisationId)).document).toEqual(doc);
    expect(await renderOrganisationNetworkSvg(handle.db, ctx.actor.organisationId)).toContain("社内LAN");
    expect(await renderOrganisationNetworkSvg(handle.db, other.actor.organisationId)).not.toContain(
      "社内LAN",
    );
  });
});
