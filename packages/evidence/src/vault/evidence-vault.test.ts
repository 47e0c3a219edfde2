import { createReadStream } from "node:fs";
import { chmod, open, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendCustodyEntry, verifyCustodyChain } from "../custody/custody-chain";
import { preserveEvidence } from "../preserve/preserve-evidence";
import { makeTempDir, rewriteBundle, SHARED_DATA, writeEntries } from "../test-support/bundle-fixtures";
import {
  buildCentralHeader,
  buildDataDescriptor,
  buildEndRecords,
  buildLocalHeader,
} from "../zip/zip-records";
import { createEvidenceVault } from "./evidence-vault";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let bundle: string;
beforeAll(async () => {
  temp = await makeTempDir("vault");
  bundle = path.join(temp.dir, "bundle.zip");
  await preserveEvidence({
    paths: [path.join(SHARED_DATA, "logs/crowdsec-hub-tests")],
    caseId: "C-21",
    examiner: "e",
    outPath: bundle,
    keyDir: path.join(temp.dir, "keys"),
    ntpServer: null,
  });
});
afterAll(() => temp.cleanup());

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Hand-built ZIP whose central directory lies about one entry's size (or points twice at one entry). */
async function writeForgedZip(target: string, kind: "lying-size" | "overlap"): Promise<void> {
  const data = Buffer.from([0x03, 0x00]); // deflate of empty input
  const entry = {
    name: "files/1/a.log",
    method: 8 as const,
    dosTime: 0,
    dosDate: 33,
    mode: 0o100644,
    crc32: 0,
    compressedSize: 2,
    size: 0,
    localHeaderOffset: 0,
    zip64: false,
  };
  const local = Buffer.concat([buildLocalHeader(entry), data, buildDataDescriptor(entry)]);
  const central =
    kind === "lying-size"
      ? [buildCentralHeader({ ...entry, size: 50 * 2 ** 30 })]
      : [buildCentralHeader(entry), buildCentralHeader({ ...entry, name: "files/1/b.log" })];
  const cd = Buffer.concat(central);
  await writeFile(
    target,
    Buffer.concat([local, cd, buildEndRecords(central.length, local.length, cd.length)]),
  );
}

describe("evidence vault", () => {
  it("stores a verified bundle content-addressed, read-only and de-duplicated", async () => {
    const vault = createEvidenceVault({ rootDir: path.join(temp.dir, "vault") });
    const first = await vault.storeBundle(createReadStream(bundle));
    expect(first.deduplicated).toBe(false);
    expect(first.verification.ok).toBe(true);
    expect(first.custodyHeadHash).toMatch(/^[0-9a-f]{64}$/);
    // The server's first custody row continues the bundle's chain.
    const row = appendCustodyEntry(first.custodyHead, {
      at: new Date().toISOString(),
      actor: "user-1",
      action: "vault.stored",
      details: { sha256: first.sha256 },
    });
    expect(verifyCustodyChain([...(first.verification.custody ?? []), row])).toEqual([]);
    const stored = path.join(
      temp.dir,
      "vault/sha256",
      first.sha256.slice(0, 2),
      first.sha256.slice(2, 4),
      first.sha256,
    );
    expect((await stat(stored)).mode & 0o777).toBe(0o444);
    expect((await stat(stored)).size).toBe((await stat(bundle)).size);
    const second = await vault.storeBundle(createReadStream(bundle));
    expect(second).toMatchObject({ sha256: first.sha256, deduplicated: true });
    expect(await readdir(path.join(temp.dir, "vault/tmp"))).toEqual([]);
    const download = await vault.openVerified(first.sha256);
    expect((await collect(download.stream)).equals(await collect(createReadStream(bundle)))).toBe(true);
  });

  it("stops a download whose stored bytes no longer match their hash", async () => {
    const vault = createEvidenceVault({ rootDir: path.join(temp.dir, "vault-tamper") });
    const { sha256 } = await vault.storeBundle(createReadStream(bundle));
    const stored = path.join(temp.dir, "vault-tamper/sha256", sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await chmod(stored, 0o644);
    const handle = await open(stored, "r+");
    await handle.write(Buffer.from("X"), 0, 1, 100);
    await handle.close();
    const download = await vault.openVerified(sha256);
    await expect(collect(download.stream)).rejects.toMatchObject({ code: "INTEGRITY" });
    expect((await vault.verifyStored(sha256)).ok).toBe(false);
    await expect(vault.openVerified("../../etc/passwd")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("rejects a bundle that fails verification and stores nothing", async () => {
    const tampered = path.join(temp.dir, "tampered.zip");
    await rewriteBundle(bundle, tampered, (all) => all.filter(([n]) => !n.endsWith("openvpn.log")));
    const vault = createEvidenceVault({ rootDir: path.join(temp.dir, "vault-reject") });
    await expect(vault.storeBundle(createReadStream(tampered))).rejects.toMatchObject({
      code: "VERIFICATION_FAILED",
    });
    await expect(readdir(path.join(temp.dir, "vault-reject/sha256"))).rejects.toMatchObject({
      code: "ENOENT",
    });
    expect(await readdir(path.join(temp.dir, "vault-reject/tmp"))).toEqual([]);
  });

  it.each([
    ["../../etc/cron.d/evil", "parent directory"],
    ["/etc/passwd", "absolute path"],
    ["C:/Windows/System32/evil.dll", "drive letter"],
    ["files\\..\\..\\evil", "backslash"],
  ])("rejects path traversal in entry name %s", async (name, reason) => {
    const zip = path.join(temp.dir, `traversal-${reason.replace(/\W/g, "")}.zip`);
    await writeEntries(zip, [
      ["manifest.json", Buffer.from("{}")],
      [name, Buffer.from("x")],
    ]);
    const vault = createEvidenceVault({ rootDir: path.join(temp.dir, "vault-traversal") });
    const error = await vault.storeBundle(createReadStream(zip)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "UNSAFE_ENTRY_NAME",
      details: { reason: expect.stringContaining(reason.split(" ")[0] ?? "") },
    });
  });

  it("rejects zip bombs: too much declared data, lying sizes, overlapping entries, oversized uploads", async () => {
    const vault = createEvidenceVault({
      rootDir: path.join(temp.dir, "vault-bomb"),
      limits: { maxEntries: 1000, maxTotalUncompressedBytes: 10 * 1024 * 1024, maxCompressionRatio: 1100 },
      maxBundleBytes: 5 * 1024 * 1024,
    });
    const zeros = path.join(temp.dir, "zeros.zip");
    await writeEntries(zeros, [["files/1/zeros.bin", Buffer.alloc(64 * 1024 * 1024)]], 9);
    expect((await stat(zeros)).size).toBeLessThan(100 * 1024);
    await expect(vault.storeBundle(createReadStream(zeros))).rejects.toMatchObject({ code: "ZIP_BOMB" });
    const lying = path.join(temp.dir, "lying.zip");
    await writeForgedZip(lying, "lying-size");
    await expect(vault.storeBundle(createReadStream(lying))).rejects.toMatchObject({ code: "ZIP_BOMB" });
    const overlap = path.join(temp.dir, "overlap.zip");
    await writeForgedZip(overlap, "overlap");
    await expect(vault.storeBundle(createReadStream(overlap))).rejects.toMatchObject({
      code: "ZIP_BOMB",
      details: { detail: expect.stringContaining("overlap") },
    });
    const big = path.join(temp.dir, "big.bin");
    await writeFile(big, Buffer.alloc(6 * 1024 * 1024, 1));
    await expect(vault.storeBundle(createReadStream(big))).rejects.toMatchObject({
      code: "BUNDLE_TOO_LARGE",
    });
    expect(await readdir(path.join(temp.dir, "vault-bomb/tmp"))).toEqual([]);
  });
});
