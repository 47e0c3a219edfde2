import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { dumpDatabase } from "./backup/dump-database";
import { restoreDatabase } from "./backup/restore-database";
import { createDb, type DbHandle } from "./create-db";
import { auditEvents, organisations, users } from "./schema";
import { createScratchPostgresDatabase, testBackends } from "./testing/test-backends";

const tmp = mkdtempSync(join(tmpdir(), "sonae-db-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function seed(handle: DbHandle) {
  const [org] = await handle.db
    .insert(organisations)
    .values({ name: "株式会社テスト①", prefectureCode: "13", industryCode: "E", capitalYen: 12_000_000_000 })
    .returning();
  const [user] = await handle.db
    .insert(users)
    .values({
      organisationId: org!.id,
      email: `${org!.id}@example.jp`,
      displayName: "山田",
      passwordHash: "x",
      role: "admin",
    })
    .returning();
  await handle.db.insert(auditEvents).values([
    {
      organisationId: org!.id,
      actorUserId: user!.id,
      type: "setup.completed",
      payload: { note: "改行\n'引用'" },
    },
    { organisationId: org!.id, type: "auth.login", payload: { email: user!.email } },
  ]);
  return { org: org!, user: user! };
}

describe.each(testBackends())("database on $name", (backend) => {
  it("applies the migration set and enforces unique e-mail", async () => {
    const handle = await backend.open();
    try {
      const { org, user } = await seed(handle);
      await expect(
        handle.db.insert(users).values({
          organisationId: org.id,
          email: user.email,
          displayName: "x",
          passwordHash: "x",
          role: "viewer",
        }),
      ).rejects.toMatchObject({ cause: { code: "23505" } });
    } finally {
      await handle.close();
    }
  });

  it("keeps the audit trail append-only", async () => {
    const handle = await backend.open();
    try {
      const { org } = await seed(handle);
      await expect(
        handle.db.update(auditEvents).set({ type: "forged" }).where(eq(auditEvents.organisationId, org.id)),
      ).rejects.toThrow();
      await expect(
        handle.db.delete(auditEvents).where(eq(auditEvents.organisationId, org.id)),
      ).rejects.toThrow();
    } finally {
      await handle.close();
    }
  });
});

describe("data folder lock", () => {
  it("refuses a second opener and names the holder", async () => {
    const dir = join(tmp, "locked");
    const first = await createDb({ dataDir: dir });
    try {
      const err = await createDb({ dataDir: dir }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "DATA_DIR_LOCKED" });
      expect((err as Error).message).toContain(`PID ${process.pid}`);
    } finally {
      await first.close();
    }
    const again = await createDb({ dataDir: dir });
    await again.close();
  });
});

describe("backup and restore", () => {
  const targets: { name: string; open(): Promise<{ handle: DbHandle; cleanup(): Promise<void> }> }[] = [
    {
      name: "pglite",
      open: async () => ({ handle: await createDb({ inMemory: true }), cleanup: async () => {} }),
    },
  ];
  if (process.env.TEST_DATABASE_URL) {
    targets.push({
      name: "postgres",
      open: async () => {
        const scratch = await createScratchPostgresDatabase();
        return { handle: await createDb({ databaseUrl: scratch.url }), cleanup: scratch.drop };
      },
    });
  }

  it.each(targets)("round-trips every row into an empty $name database", async (target) => {
    const source = await createDb({ dataDir: join(tmp, `src-${target.name}`) });
    const file = join(tmp, `backup-${target.name}.jsonl.gz`);
    const { org } = await seed(source);
    const summary = await dumpDatabase(source, file);
    const before = await snapshot(source);
    await source.close();
    expect(summary.tables.audit_events).toBe(2);

    const { handle, cleanup } = await target.open();
    try {
      await restoreDatabase(handle, file);
      expect(await snapshot(handle)).toEqual(before);
      // Sequences continue after restored ids.
      await handle.db.insert(auditEvents).values({ organisationId: org.id, type: "after", payload: {} });
      // Restoring again into a non-empty database is refused and changes nothing.
      await expect(restoreDatabase(handle, file)).rejects.toMatchObject({ code: "VALIDATION" });
      expect((await snapshot(handle)).audit_events).toHaveLength(3);
    } finally {
      await handle.close();
      await cleanup();
    }
  });

  it("rejects a truncated backup and leaves the target empty", async () => {
    const source = await createDb({ inMemory: true });
    await seed(source);
    const file = join(tmp, "full.jsonl.gz");
    await dumpDatabase(source, file);
    await source.close();
    const { gunzipSync, gzipSync } = await import("node:zlib");
    const { readFileSync, writeFileSync } = await import("node:fs");
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
    const cut = join(tmp, "cut.jsonl.gz");
    writeFileSync(cut, gzipSync(`${lines.slice(0, -1).join("\n")}\n`));
    const target = await createDb({ inMemory: true });
    try {
      await expect(restoreDatabase(target, cut)).rejects.toThrow(/truncated|途中/);
      const rows = await target.db.select().from(organisations);
      expect(rows).toHaveLength(0);
    } finally {
      await target.close();
    }
  });
});

async function snapshot(handle: DbHandle) {
  const q = async (table: string) =>
    (
      (await handle.db.execute(
        sql.raw(`SELECT row_to_json(t)::text AS j FROM ${table} t ORDER BY 1`),
      )) as unknown as {
        rows: { j: string }[];
      }
    ).rows
      .map((r) => r.j)
      .sort();
  return {
    organisations: await q("organisations"),
    users: await q("users"),
    audit_events: await q("audit_events"),
  };
}
