import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { chmod, mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeCell } from "../manifest/manifest-csv";
import { makeTempDir, readAllEntries } from "../test-support/bundle-fixtures";
import { verifyBundle } from "../verify/verify-bundle";
import { preserveEvidence } from "./preserve-evidence";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir("bad");
});
afterAll(() => temp.cleanup());

const base = (name: string) => ({
  caseId: "C-13",
  examiner: "examiner",
  outPath: path.join(temp.dir, `${name}.zip`),
  keyDir: path.join(temp.dir, "keys"),
  ntpServer: null,
});

describe("bad conditions while preserving", () => {
  it("skips symlink loops, FIFOs and devices, and lists unreadable files, with reasons", async () => {
    const src = path.join(temp.dir, "src-special");
    await mkdir(path.join(src, "sub"), { recursive: true });
    await writeFile(
      path.join(src, "sub", "auth.log"),
      "Nov 22 10:00:00 host sshd[1]: Failed password for root\n",
    );
    await symlink("..", path.join(src, "sub", "loop"));
    await symlink("/nonexistent/target", path.join(src, "dangling"));
    execFileSync("mkfifo", [path.join(src, "pipe")]);
    const result = await preserveEvidence({
      ...base("special"),
      paths: [src, "/dev/null", "/proc/self/mem"],
    });
    const kinds = Object.fromEntries(
      result.manifest.problems.map((p) => [path.basename(p.sourcePath), p.kind]),
    );
    expect(kinds).toEqual({
      loop: "symlink-loop",
      dangling: "not-found",
      pipe: "fifo",
      null: "device",
      mem: "read-error",
    });
    const mem = result.manifest.problems.find((p) => p.kind === "read-error");
    expect(mem?.errno).toBe("EIO");
    expect(mem?.reason.ja).toContain("読み取り");
    expect(result.manifest.files.map((f) => f.entryName)).toEqual(["files/1/src-special/sub/auth.log"]);
    expect((await verifyBundle(result.outPath)).failures).toEqual([]);
  });

  it("never reads its own output or the signing key when they sit inside the preserved folder", async () => {
    const src = path.join(temp.dir, "src-self");
    await mkdir(src);
    await writeFile(path.join(src, "syslog"), "Nov 22 10:00:00 host cron[1]: job\n");
    const result = await preserveEvidence({
      ...base("self"),
      paths: [src],
      outPath: path.join(src, "bundle.zip"),
      keyDir: path.join(src, "keys"),
    });
    expect(result.manifest.files.map((f) => f.entryName)).toEqual(["files/1/src-self/syslog"]);
    const excluded = result.manifest.problems
      .filter((p) => p.kind === "excluded")
      .map((p) => path.basename(p.sourcePath));
    expect(excluded.sort()).toEqual(["bundle.zip.journal", "bundle.zip.partial", "keys"]);
    expect((await verifyBundle(result.outPath)).failures).toEqual([]);
  });

  it("detects and records a file that grows while it is read", async () => {
    const src = path.join(temp.dir, "src-growing");
    await mkdir(src);
    const file = path.join(src, "app.log");
    await writeFile(file, Buffer.alloc(8 * 1024 * 1024, "Nov 22 10:00:00 web01 app: request ok\n"));
    let appended = false;
    const result = await preserveEvidence({
      ...base("growing"),
      paths: [src],
      onProgress: () => {
        if (!appended) appendFileSync(file, "Nov 22 10:00:01 web01 app: written during collection\n");
        appended = true;
      },
    });
    const record = result.manifest.files[0];
    expect(record?.changedWhileReading).toBe(true);
    expect(record?.changeDetail).toMatch(/size \d+ -> \d+/);
    expect(result.manifest.totals.changedWhileReading).toBe(1);
    expect((await verifyBundle(result.outPath)).failures).toEqual([]);
  });

  it("quotes hostile file names in manifest.csv and neutralises formulas at cell start", async () => {
    const src = path.join(temp.dir, "src-formula");
    await mkdir(src);
    await writeFile(path.join(src, '=HYPERLINK("x").log'), "x\n");
    const result = await preserveEvidence({
      ...base("formula"),
      paths: [path.join(src, '=HYPERLINK("x").log')],
    });
    const csv =
      (await readAllEntries(result.outPath)).find(([n]) => n === "manifest.csv")?.[1].toString("utf8") ?? "";
    expect(csv).toContain('"files/1/=HYPERLINK(""x"").log"');
    expect(escapeCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(["+1", "-1", "@SUM(A1)", "\tx"].map(escapeCell)).toEqual([
      '"\'+1"',
      '"\'-1"',
      '"\'@SUM(A1)"',
      '"\'\tx"',
    ]);
  });

  it("lists a permission-denied file instead of aborting (run as an unprivileged user)", async () => {
    const src = path.join(temp.dir, "src-perm");
    await mkdir(src);
    await writeFile(path.join(src, "secure.log"), "readable\n");
    await writeFile(path.join(src, "shadow.log"), "secret\n");
    await chmod(path.join(src, "shadow.log"), 0o000);
    await chmod(temp.dir, 0o777);
    const keyDir = path.join(temp.dir, "keys-nobody");
    const out = path.join(temp.dir, "perm.zip");
    const bin = path.resolve(import.meta.dirname, "../bin.ts");
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        bin,
        "preserve",
        src,
        "--case",
        "C",
        "--examiner",
        "e",
        "--out",
        out,
        "--key-dir",
        keyDir,
        "--no-ntp",
        "--json",
      ],
      // Root reads anything: drop to "nobody" so the 0000 mode really denies access.
      {
        ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
        encoding: "utf8",
        cwd: path.resolve(import.meta.dirname, "../../../.."),
      },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout) as {
      totals: { files: number };
      problems: Array<{ kind: string; errno: string }>;
    };
    expect(body.totals.files).toBe(1);
    expect(body.problems).toEqual([expect.objectContaining({ kind: "permission-denied", errno: "EACCES" })]);
  });
});
