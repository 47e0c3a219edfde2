import { execFile, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { access, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { openBundle, readEntryBytes, verifyBundle } from "@sonae/evidence";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKit } from "../build/build-kit";
import { linuxTestTargets, makeMachineTree, tempDir, writeStub } from "../test-support/kit-fixtures";
import { issueKitConfig } from "./issue-kit";
import type { KitConfig } from "./kit-config";

let root: string;
let kitPath: string;
let config: KitConfig;
let tree: Awaited<ReturnType<typeof makeMachineTree>>;
let stubBin: string;

beforeAll(async () => {
  root = await tempDir("linux");
  tree = await makeMachineTree(path.join(root, "machine"));
  stubBin = path.join(root, "bin");
  // journalctl stub: STUB_MODE=ok prints an export record, denied fails like a non-root user, hang waits.
  await writeStub(
    stubBin,
    "journalctl",
    [
      'echo "$@" >> "$STUB_CALLS"',
      'case "$STUB_MODE" in',
      '  denied) echo "Failed to open journal: Permission denied" >&2; exit 1;;',
      '  hang) touch "$STUB_CALLS.started"; sleep 60;;',
      '  *) printf "__CURSOR=s=1\\n_HOSTNAME=web01\\nMESSAGE=Accepted password for root from 203.0.113.7\\n\\n";;',
      "esac",
    ].join("\n"),
  );
  config = issueKitConfig({
    platform: "linux-x64",
    incident: { id: "00000000-0000-0000-0000-000000000001", reference: "INC-2026-0042" },
    organisation: { name: "株式会社テスト" },
    issuedTo: "情報システム部 山田",
    targets: linuxTestTargets(path.join(root, "machine")),
    extraPaths: [tree.vpnExport],
    ntpServer: null,
  });
  kitPath = path.join(root, "sonae-kit");
  await buildKit(config, kitPath);
}, 240_000);
afterAll(() => rm(root, { recursive: true, force: true }));

interface KitRun {
  code: number;
  stdout: string;
  outDir: string;
}

async function runKit(
  name: string,
  mode: string,
  extraArgs: string[] = [],
  outDir = path.join(root, name),
): Promise<KitRun> {
  await mkdir(outDir, { recursive: true });
  const env = {
    ...process.env,
    PATH: `${stubBin}:${process.env.PATH}`,
    STUB_MODE: mode,
    STUB_CALLS: path.join(root, `${name}.calls`),
  };
  try {
    const { stdout } = await promisify(execFile)(
      kitPath,
      ["--examiner", "鑑識 花子", "--out", outDir, ...extraArgs],
      { env },
    );
    return { code: 0, stdout, outDir };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout, outDir };
  }
}

async function bundleIn(outDir: string): Promise<string | undefined> {
  const name = (await readdir(outDir)).find((n) => n.endsWith(".zip"));
  return name && path.join(outDir, name);
}

async function entryText(bundle: string, name: string): Promise<string> {
  const { zip, entries } = await openBundle(bundle);
  try {
    const entry = [...entries.values()].find((e) => e.fileName.endsWith(name));
    if (!entry) throw new Error(`${name} not in bundle`);
    return (await readEntryBytes(zip, entry)).toString("utf8");
  } finally {
    zip.close();
  }
}

describe("the Linux kit, run as a person would on the machine", () => {
  it("collects real logs and EVTX files into a bundle that verifies, signed by this kit", async () => {
    const before = (await readdir(path.join(root, "machine"), { recursive: true })).sort();
    const run = await runKit("complete", "ok");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("すべての対象を収集しました。 / Every target was collected.");
    const bundle = await bundleIn(run.outDir);
    if (!bundle) throw new Error("no bundle");
    const sha = createHash("sha256")
      .update(await readFile(bundle))
      .digest("hex");
    expect(run.stdout).toContain(`SHA-256: ${sha}`);
    expect(run.stdout).toContain(bundle);
    const report = await verifyBundle(bundle, { trustedPublicKeyPem: config.publicKeyPem });
    expect(report.failures).toEqual([]);
    expect(report.signerFingerprint).toBe(config.fingerprint);
    expect(report.caseId).toBe("INC-2026-0042");
    expect(report.examiner).toBe("鑑識 花子");
    const manifest = JSON.parse(await entryText(bundle, "manifest.json")) as {
      files: Array<{ sourcePath: string; sha256: string }>;
    };
    for (const file of tree.files) {
      const recorded = manifest.files.find((f) => f.sourcePath === file);
      expect(recorded?.sha256).toBe(
        createHash("sha256")
          .update(await readFile(file))
          .digest("hex"),
      );
    }
    expect(await entryText(bundle, "journal.export")).toContain("MESSAGE=Accepted password for root");
    const collection = JSON.parse(await entryText(bundle, "collection.json"));
    expect(collection).toMatchObject({
      kitId: config.kitId,
      complete: true,
      issuedTo: "情報システム部 山田",
    });
    expect(collection.targets.map((t: { id: string; status: string }) => `${t.id}:${t.status}`)).toEqual([
      "tree-var-log:collected",
      "tree-histories:collected",
      "tree-journal:collected",
      "added-paths:collected",
    ]);
    // Only the bundle and its log are left; nothing was written into the collected folders.
    expect((await readdir(run.outDir)).map((n) => n.replace(/^.*(\.zip|\.log\.txt)$/, "$1")).sort()).toEqual([
      ".log.txt",
      ".zip",
    ]);
    expect((await readdir(path.join(root, "machine"), { recursive: true })).sort()).toEqual(before);
  });

  it("a target that needs root: says so, records why, and the result is marked incomplete", async () => {
    const run = await runKit("denied", "denied");
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("権限がないため失敗しました (管理者 / root 権限が必要)");
    expect(run.stdout).toContain("INCOMPLETE: 1 targets were not (fully) collected");
    expect(run.stdout).toContain("[run again as administrator]");
    const bundle = await bundleIn(run.outDir);
    if (!bundle) throw new Error("no bundle");
    const collection = JSON.parse(await entryText(bundle, "collection.json"));
    expect(collection.complete).toBe(false);
    expect(collection.targets.find((t: { id: string }) => t.id === "tree-journal")).toMatchObject({
      status: "failed",
      problems: [{ needsAdmin: true }],
    });
  });

  it("interrupted (Ctrl+C): no bundle; killed outright: the re-run removes the leftovers and completes", async () => {
    const outDir = path.join(root, "interrupted");
    await mkdir(outDir, { recursive: true });
    const calls = path.join(root, "interrupted.calls");
    const start = (signal: NodeJS.Signals) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(kitPath, ["--examiner", "x", "--out", outDir], {
          env: {
            ...process.env,
            PATH: `${stubBin}:${process.env.PATH}`,
            STUB_MODE: "hang",
            STUB_CALLS: calls,
          },
        });
        let stdout = "";
        child.stdout.on("data", (c: Buffer) => {
          stdout += c.toString();
        });
        const timer = setInterval(() => {
          access(`${calls}.started`).then(
            () => {
              clearInterval(timer);
              child.kill(signal);
            },
            () => undefined,
          );
        }, 50);
        child.on("close", (code) => resolve({ code, stdout }));
      });
    const stopped = await start("SIGINT");
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toContain("中断しました。バンドルは作成されていません。");
    expect(await bundleIn(outDir)).toBeUndefined();
    await rm(`${calls}.started`);
    const killed = await start("SIGKILL");
    expect(killed.code).toBeNull();
    expect((await readdir(outDir)).some((n) => n.endsWith(".staging"))).toBe(true);
    const rerun = await runKit("interrupted", "ok", [], outDir);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain("前回の中断された収集の途中ファイルを削除しました");
    expect((await readdir(outDir)).filter((n) => n.endsWith(".staging"))).toEqual([]);
    expect((await verifyBundle((await bundleIn(outDir)) ?? "")).ok).toBe(true);
  }, 60_000);

  it("a full disk: a clear message, and no bundle that claims to be complete", async () => {
    const outDir = path.join(root, "full");
    await mkdir(outDir);
    await promisify(execFile)("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", outDir]);
    const big = path.join(tree.varLog, "big.log");
    await writeFile(big, randomBytes(4 * 1024 * 1024));
    try {
      const run = await runKit("full", "ok", [], outDir);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/失敗しました: .*(容量|ディスク)/);
      expect(await bundleIn(outDir)).toBeUndefined();
    } finally {
      await rm(big);
      await promisify(execFile)("umount", [outDir]);
    }
  });
});
