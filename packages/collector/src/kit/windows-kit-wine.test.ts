import { execFile, spawn } from "node:child_process";
import { access, copyFile, mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { openBundle, readEntryBytes, verifyBundle } from "@sonae/evidence";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKit } from "../build/build-kit";
import { realEvtxFiles, tempDir } from "../test-support/kit-fixtures";
import { issueKitConfig } from "./issue-kit";
import type { KitConfig } from "./kit-config";

// Debian's wine64 (installed by .ci/run) runs the real Windows executable: Node 22 for Windows, the SEA
// blob, Windows paths and file semantics (no directory fsync, an open file cannot be replaced).
const WINE64 = process.env.WINE64 ?? "/usr/lib/wine/wine64";

let root: string;
let prefix: string;
let config: KitConfig;
let exe: string;
let evtx: string[];

/** Runs a program under wine with stdout/stderr in files (wine's Node cannot open a pipe as stderr). */
async function wine(
  args: string[],
  name: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const outFile = path.join(root, `${name}.out`);
  const errFile = path.join(root, `${name}.err`);
  const [stdout, stderr] = await Promise.all([open(outFile, "w"), open(errFile, "w")]);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(WINE64, args, {
        cwd: root,
        env: { ...process.env, WINEPREFIX: prefix, WINEDEBUG: "-all" },
        stdio: ["ignore", stdout.fd, stderr.fd],
        timeout: 120_000,
      });
      child.once("error", reject);
      child.once("close", resolve);
    });
    return { code, stdout: await readFile(outFile, "utf8"), stderr: await readFile(errFile, "utf8") };
  } finally {
    await Promise.all([stdout.close(), stderr.close()]);
  }
}

beforeAll(async () => {
  await access(WINE64).catch(() => {
    throw new Error(`${WINE64} is missing: install Debian's wine64 (.ci/run does)`);
  });
  root = await tempDir("wine");
  prefix = path.join(root, "prefix");
  await promisify(execFile)(WINE64, ["wineboot", "--init"], {
    env: { ...process.env, WINEPREFIX: prefix, WINEDEBUG: "-all" },
    timeout: 120_000,
  });
  // Node 22 refuses Windows versions before 8.1; a new prefix reports Windows 7.
  await promisify(execFile)(WINE64, ["winecfg", "-v", "win10"], {
    env: { ...process.env, WINEPREFIX: prefix, WINEDEBUG: "-all" },
    timeout: 60_000,
  });
  const exported = path.join(prefix, "drive_c", "vpn-export");
  await mkdir(exported, { recursive: true });
  evtx = await realEvtxFiles(2);
  for (const file of evtx)
    await copyFile(file, path.join(exported, path.basename(file).replace(/[^\w.-]+/g, "_")));
  config = issueKitConfig({
    platform: "windows-x64",
    incident: { id: "00000000-0000-0000-0000-000000000044", reference: "INC-2026-0044" },
    organisation: { name: "株式会社テスト" },
    issuedTo: "総務部 佐藤",
    targets: [],
    extraPaths: ["C:\\vpn-export"],
    ntpServer: null,
  });
  exe = path.join(root, "sonae-kit.exe");
  await buildKit(config, exe);
}, 300_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the Windows kit, run under wine", () => {
  it("answers --help in Japanese and English without collecting anything", async () => {
    const run = await wine([exe, "--help"], "help");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("使い方 / Usage: sonae-kit");
    expect(run.stdout).toContain("--examiner");
  });

  it("collects into C:\\out a bundle that verifies, signed by this kit", async () => {
    await mkdir(path.join(prefix, "drive_c", "out"), { recursive: true });
    const run = await wine([exe, "--examiner", "鑑識 花子", "--out", "C:\\out", "--upload", "no"], "collect");
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain("すべての対象を収集しました。 / Every target was collected.");
    expect(run.stdout).toMatch(/バンドル: C:\\out\\sonae-kit-INC-2026-0044-.+\.zip/);
    const outDir = path.join(prefix, "drive_c", "out");
    const names = await readdir(outDir);
    const bundleName = names.find((n) => n.endsWith(".zip"));
    if (!bundleName) throw new Error(`no bundle in ${names.join(", ")}`);
    // Nothing but the bundle and its log: no .partial, journal or staging folder left behind.
    expect(names.map((n) => n.replace(/^.*(\.zip|\.log\.txt)$/, "$1")).sort()).toEqual([".log.txt", ".zip"]);
    const bundle = path.join(outDir, bundleName);
    const report = await verifyBundle(bundle, { trustedPublicKeyPem: config.publicKeyPem });
    expect(report.failures).toEqual([]);
    expect(report.signerFingerprint).toBe(config.fingerprint);
    expect(report.examiner).toBe("鑑識 花子");
    const { zip, entries } = await openBundle(bundle);
    try {
      const manifest = JSON.parse(
        (
          await readEntryBytes(zip, [...entries.values()].find((e) => e.fileName === "manifest.json")!)
        ).toString(),
      ) as { files: { sourcePath: string; size: number }[] };
      // The exported logs by their Windows paths, and the kit's own record of the run.
      const exported = evtx.map((f) => `C:\\vpn-export\\${path.basename(f).replace(/[^\w.-]+/g, "_")}`);
      const sources = manifest.files.map((f) => f.sourcePath);
      expect(sources.filter((p) => p.startsWith("C:\\vpn-export\\")).sort()).toEqual(exported.sort());
      expect(sources.filter((p) => !p.startsWith("C:\\vpn-export\\"))).toEqual([
        expect.stringMatching(/^C:\\out\\sonae-kit-INC-2026-0044-.+\.staging\\collection\.json$/),
      ]);
    } finally {
      zip.close();
    }
  });
});
