import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@sonae/db";
import { afterAll, describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "..", "src", "bin.ts");
const tmp = mkdtempSync(join(tmpdir(), "sonae-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sonae(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", BIN, ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each case spawns the real `sonae` command (tsx transpiles on start), so allow for a busy CI machine.
describe("sonae CLI", { timeout: 300_000 }, () => {
  it("prints help in Japanese and English", () => {
    const r = sonae(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("サーバーを起動する / Start the server");
    expect(r.stdout).toContain("backup");
  });

  it("exits with 2 on a usage error", () => {
    expect(sonae(["admin", "create"]).code).toBe(2);
  });

  it("migrates, creates an admin, backs up and restores into an empty data folder", async () => {
    const source = join(tmp, "source");
    expect(JSON.parse(sonae(["migrate", "--json"], { SONAE_DATA_DIR: source }).stdout).status).toBe(
      "migrated",
    );
    // No organisation yet: a clear error with the code table's exit code (NOT_FOUND → 4).
    const noOrg = sonae(
      ["admin", "create", "--email", "a@example.jp", "--name", "A", "--password-stdin"],
      { SONAE_DATA_DIR: source },
      "long enough password\n",
    );
    expect(noOrg.code).toBe(4);
    expect(noOrg.stderr).toContain("先に初期設定");

    const handle = await createDb({ dataDir: source });
    const { organisations } = await import("@sonae/db");
    await handle.db
      .insert(organisations)
      .values({ name: "CLI株式会社", prefectureCode: "27", industryCode: "G" });
    await handle.close();

    const created = sonae(
      ["admin", "create", "--email", "admin@example.jp", "--name", "管理者", "--password-stdin", "--json"],
      { SONAE_DATA_DIR: source },
      "long enough password\n",
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      status: "created",
      email: "admin@example.jp",
      organisation: "CLI株式会社",
    });

    const file = join(tmp, "backup.jsonl.gz");
    const backup = sonae(["backup", file, "--json"], { SONAE_DATA_DIR: source });
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout).tables.users).toBe(1);

    const target = join(tmp, "target");
    const restored = sonae(["restore", file, "--json"], { SONAE_DATA_DIR: target });
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout).tables).toMatchObject({ organisations: 1, users: 1 });
    // Restoring twice is refused: the target is no longer empty.
    expect(sonae(["restore", file], { SONAE_DATA_DIR: target }).code).toBe(2);
  });

  it("refuses a data folder another process holds, naming the holder", async () => {
    const dir = join(tmp, "held");
    const handle = await createDb({ dataDir: dir });
    try {
      const r = sonae(["migrate"], { SONAE_DATA_DIR: dir });
      expect(r.code).toBe(7);
      expect(r.stderr).toContain(`PID ${process.pid}`);
    } finally {
      await handle.close();
    }
  });
});
