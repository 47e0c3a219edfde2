import { stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeTempDir, SHARED_DATA } from "../test-support/bundle-fixtures";
import { preserveEvidence } from "./preserve-evidence";

// Every `<out>.partial` is opened on /dev/full, which fails each write with ENOSPC exactly as a
// full disk does (null(4)); everything else is the real file system.
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const open: typeof real.open = (file, flags, mode) =>
    String(file).endsWith(".partial") ? real.open("/dev/full", "r+") : real.open(file, flags, mode);
  return { ...real, open, default: { ...real, open } };
});

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir("full");
});
afterAll(() => temp.cleanup());

describe("disk full", () => {
  it("fails with DISK_FULL and never leaves a bundle that claims to be complete", async () => {
    const outPath = path.join(temp.dir, "bundle.zip");
    const error = await preserveEvidence({
      paths: [path.join(SHARED_DATA, "logs/wazuh-ruleset-tests/extracted-lines")],
      caseId: "C",
      examiner: "e",
      outPath,
      keyDir: path.join(temp.dir, "keys"),
      ntpServer: null,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "DISK_FULL" });
    expect((error as { text: { ja: string } }).text.ja).toContain("ディスクが一杯");
    await expect(stat(outPath)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
