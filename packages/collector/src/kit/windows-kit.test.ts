import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { openBundle, readEntryBytes, verifyBundle } from "@sonae/evidence";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKit } from "../build/build-kit";
import { runCollection } from "../collect/run-collection";
import { loadCollectionTargets } from "../targets/load-targets";
import { realEvtxFiles, tempDir, writeStub } from "../test-support/kit-fixtures";
import { issueKitConfig } from "./issue-kit";
import type { KitConfig } from "./kit-config";

let root: string;
let config: KitConfig;
let evtx: string;

beforeAll(async () => {
  root = await tempDir("windows");
  [evtx] = (await realEvtxFiles(1)) as [string];
  config = issueKitConfig({
    platform: "windows-x64",
    incident: { id: "00000000-0000-0000-0000-000000000002", reference: "INC-2026-0043" },
    organisation: { name: "株式会社テスト" },
    issuedTo: "総務部 佐藤",
    targets: await loadCollectionTargets(),
    ntpServer: null,
  });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the Windows kit", () => {
  it("exports every event-log channel with `wevtutil epl` (stub on the PATH), never copying the locked .evtx", async () => {
    const bin = path.join(root, "bin");
    const calls = path.join(root, "wevtutil.calls");
    // The stub records its arguments and writes a real EVTX file where `epl` was told to.
    await writeStub(
      bin,
      "wevtutil",
      `printf '%s\\n' "$*" >> "${calls}"\n[ "$1" = epl ] && cp "${evtx}" "$3"`,
    );
    await writeStub(bin, "reg", `printf 'Windows Registry Editor Version 5.00\\r\\n' > "$3"`);
    const outDir = path.join(root, "out");
    const result = await runCollection({
      config,
      examiner: "鑑識 花子",
      outDir,
      env: { PATH: `${bin}:/usr/bin:/bin` },
    });
    const channels = config.targets.flatMap((t) => t.commands ?? []).filter((c) => c.program === "wevtutil");
    expect(channels.length).toBe(11);
    const recorded = (await readFile(calls, "utf8")).trim().split("\n");
    expect(recorded.map((line) => line.replace(/ \/.*$/, ""))).toEqual(
      channels.map((c) => `epl ${c.args[1]}`),
    );
    for (const line of recorded) {
      const out = line.split(" ").at(-1) ?? "";
      expect(out.startsWith(outDir)).toBe(true); // written beside the bundle, never into winevt\Logs
      expect(out).toMatch(/\.staging\/windows-eventlog-[a-z-]+\/[a-z-]+\.evtx$/);
    }
    expect(
      result.outcomes
        .filter((o) => o.id.startsWith("windows-eventlog-"))
        .every((o) => o.status === "collected"),
    ).toBe(true);
    expect(result.outcomes.find((o) => o.id === "windows-prefetch")?.status).toBe("absent");
    const report = await verifyBundle(result.bundlePath, { trustedPublicKeyPem: config.publicKeyPem });
    expect(report.failures).toEqual([]);
    const { zip, entries } = await openBundle(result.bundlePath);
    try {
      const exported = [...entries.values()].filter((e) => e.fileName.endsWith(".evtx"));
      expect(exported.length).toBe(11);
      const want = createHash("sha256")
        .update(await readFile(evtx))
        .digest("hex");
      for (const entry of exported)
        expect(
          createHash("sha256")
            .update(await readEntryBytes(zip, entry))
            .digest("hex"),
        ).toBe(want);
    } finally {
      zip.close();
    }
    expect((await readdir(outDir)).filter((n) => n.endsWith(".staging"))).toEqual([]);
  });

  it("builds a PE executable that carries the SEA blob with this kit's configuration", async () => {
    const exe = path.join(root, "sonae-kit.exe");
    const built = await buildKit(config, exe);
    const bytes = await readFile(exe);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("MZ");
    const peOffset = bytes.readUInt32LE(0x3c);
    expect(bytes.subarray(peOffset, peOffset + 4).toString("latin1")).toBe("PE\0\0");
    expect(bytes.readUInt16LE(peOffset + 4)).toBe(0x8664); // x86-64
    // postject adds an RCDATA resource named NODE_SEA_BLOB (UTF-16LE in the resource directory) and flips the fuse.
    expect(bytes.includes(Buffer.from("NODE_SEA_BLOB", "utf16le"))).toBe(true);
    expect(bytes.includes(Buffer.from("NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1"))).toBe(true);
    expect(bytes.includes(Buffer.from(config.kitId))).toBe(true);
    expect(bytes.includes(Buffer.from(config.fingerprint))).toBe(true);
    expect(built.size).toBe(bytes.length);
  }, 240_000);
});
