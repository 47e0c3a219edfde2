import { copyFile, open, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCustodyLog } from "../custody/custody-chain";
import { loadOrCreateSigningKey, signBytes } from "../keys/key-store";
import { preserveEvidence } from "../preserve/preserve-evidence";
import { makeTempDir, readAllEntries, rewriteBundle, SHARED_DATA } from "../test-support/bundle-fixtures";
import { openBundle } from "./bundle-reader";
import { type VerificationReport, verifyBundle } from "./verify-bundle";

const LOGS = path.join(SHARED_DATA, "logs/wazuh-ruleset-tests/extracted-lines");
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let bundle: string;
let counter = 0;

beforeAll(async () => {
  temp = await makeTempDir("verify");
  bundle = path.join(temp.dir, "original.zip");
  await preserveEvidence({
    paths: [LOGS],
    caseId: "C-9",
    examiner: "鑑識 花子",
    outPath: bundle,
    keyDir: path.join(temp.dir, "keys"),
    ntpServer: null,
  });
});
afterAll(() => temp.cleanup());

async function tamper(
  edit: (entries: Array<[string, Buffer]>) => Array<[string, Buffer]>,
): Promise<VerificationReport> {
  const target = path.join(temp.dir, `tampered-${counter++}.zip`);
  await rewriteBundle(bundle, target, edit);
  return verifyBundle(target);
}

const codes = (report: VerificationReport) => report.failures.map((f) => f.code);

describe("verifyBundle", () => {
  it("accepts the untouched bundle and a faithful rebuild of it", async () => {
    expect((await verifyBundle(bundle)).failures).toEqual([]);
    expect((await tamper((entries) => entries)).failures).toEqual([]);
  });

  it("fails when any byte of any preserved file is flipped, naming that file", async () => {
    const entries = await readAllEntries(bundle);
    const files = entries.filter(([name]) => name.startsWith("files/"));
    expect(files.length).toBe(9);
    for (const [name, data] of files) {
      for (const position of [0, Math.floor(data.length / 2), data.length - 1]) {
        const report = await tamper((all) =>
          all.map(([n, d]) => {
            if (n !== name) return [n, d];
            const copy = Buffer.from(d);
            copy[position] = (copy[position] ?? 0) ^ 0x01;
            return [n, copy];
          }),
        );
        expect(report.ok).toBe(false);
        expect(report.failures).toEqual([
          expect.objectContaining({ code: "FILE_SHA256_MISMATCH", subject: name }),
        ]);
      }
    }
  });

  it("fails when a byte of the compressed data inside the archive is flipped", async () => {
    const { zip, entries } = await openBundle(bundle);
    const targets = [...entries.values()].filter((e) => e.fileName.startsWith("files/"));
    zip.close();
    for (const entry of targets) {
      const copy = path.join(temp.dir, `raw-${counter++}.zip`);
      await copyFile(bundle, copy);
      const handle = await open(copy, "r+");
      const nameLength = Buffer.byteLength(entry.fileName);
      const at = entry.relativeOffsetOfLocalHeader + 30 + nameLength + Math.floor(entry.compressedSize / 2);
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, at);
      byte[0] = (byte[0] ?? 0) ^ 0x40;
      await handle.write(byte, 0, 1, at);
      await handle.close();
      const report = await verifyBundle(copy);
      expect(report.ok).toBe(false);
      expect(report.failures.map((f) => f.subject)).toContain(entry.fileName);
    }
  });

  it("fails on an edited manifest (signature), and names the signature", async () => {
    const report = await tamper((all) =>
      all.map(([n, d]) => [
        n,
        n === "manifest.json" ? Buffer.from(d.toString().replace("鑑識 花子", "鑑識 次郎")) : d,
      ]),
    );
    expect(codes(report)).toContain("SIGNATURE_INVALID");
  });

  it("fails when the signature is swapped for another key's, even with its public key", async () => {
    const other = await loadOrCreateSigningKey(path.join(temp.dir, "other-keys"));
    const swappedSigOnly = await tamper((all) => {
      const manifest = all.find(([n]) => n === "manifest.json")?.[1] ?? Buffer.alloc(0);
      return all.map(([n, d]) => [
        n,
        n === "manifest.sig"
          ? Buffer.from(`${signBytes(other, Buffer.concat([manifest, Buffer.from(" ")]))}\n`)
          : d,
      ]);
    });
    expect(codes(swappedSigOnly)).toContain("SIGNATURE_INVALID");
    const resigned = await tamper((all) => {
      const manifest = all.find(([n]) => n === "manifest.json")?.[1] ?? Buffer.alloc(0);
      return all.map(([n, d]): [string, Buffer] => {
        if (n === "manifest.sig") return [n, Buffer.from(`${signBytes(other, manifest)}\n`)];
        if (n === "signer.pub") return [n, Buffer.from(other.publicKeyPem)];
        return [n, d];
      });
    });
    expect(codes(resigned)).toContain("SIGNER_MISMATCH");
    expect(codes(resigned)).toContain("SUMS_MISMATCH");
  });

  it("pins the signer when a trusted key is given", async () => {
    const own = await loadOrCreateSigningKey(path.join(temp.dir, "keys"));
    const other = await loadOrCreateSigningKey(path.join(temp.dir, "other-keys"));
    expect((await verifyBundle(bundle, { trustedPublicKeyPem: own.publicKeyPem })).signerTrusted).toBe(true);
    const report = await verifyBundle(bundle, { trustedPublicKeyPem: other.publicKeyPem });
    expect(codes(report)).toEqual(["UNTRUSTED_SIGNER"]);
  });

  it("fails when custody entries are reordered or removed", async () => {
    const editCustody = (change: (lines: string[]) => string[]) =>
      tamper((all) =>
        all.map(([n, d]) => [
          n,
          n === "custody.jsonl" ? Buffer.from(`${change(d.toString().trim().split("\n")).join("\n")}\n`) : d,
        ]),
      );
    const reordered = await editCustody((lines) => [lines[1] ?? "", lines[0] ?? ""]);
    expect(codes(reordered)).toContain("CUSTODY_BROKEN_LINK");
    const removedLast = await editCustody((lines) => lines.slice(0, 1));
    expect(codes(removedLast)).toContain("CUSTODY_HEAD_MISMATCH");
    const removedFirst = await editCustody((lines) => lines.slice(1));
    expect(codes(removedFirst)).toContain("CUSTODY_BROKEN_LINK");
    const edited = await editCustody((lines) => lines.map((l) => l.replace("鑑識 花子", "someone")));
    expect(codes(edited)).toContain("CUSTODY_BAD_HASH");
  });

  it("fails on an edited CSV, SHA256SUMS, an extra or a missing file", async () => {
    const csv = await tamper((all) =>
      all.map(([n, d]) => [n, n === "manifest.csv" ? Buffer.concat([d, Buffer.from('"x"\r\n')]) : d]),
    );
    expect(codes(csv)).toEqual(["CSV_MISMATCH", "SUMS_MISMATCH"]);
    const sums = await tamper((all) =>
      all.map(([n, d]) => [n, n === "SHA256SUMS" ? Buffer.from(d.toString().replace(/^./, "0")) : d]),
    );
    expect(codes(sums)).toEqual(["SUMS_MISMATCH"]);
    const extra = await tamper((all) => [...all, ["files/1/extracted-lines/planted.log", Buffer.from("x")]]);
    expect(extra.failures).toEqual([
      expect.objectContaining({ code: "UNEXPECTED_ENTRY", subject: "files/1/extracted-lines/planted.log" }),
    ]);
    const missing = await tamper((all) => all.filter(([n]) => n !== "files/1/extracted-lines/sshd.log"));
    expect(missing.failures).toEqual([
      expect.objectContaining({ code: "FILE_MISSING", subject: "files/1/extracted-lines/sshd.log" }),
    ]);
  });

  it("reports a file that is not a ZIP at all", async () => {
    const junk = path.join(temp.dir, "junk.zip");
    await writeFile(junk, "not a zip");
    expect(codes(await verifyBundle(junk))).toEqual(["ZIP_NO_END_RECORD"]);
  });

  it("records the preservation in a two-entry custody chain", async () => {
    const custody = (await readAllEntries(bundle)).find(([n]) => n === "custody.jsonl")?.[1].toString() ?? "";
    expect(parseCustodyLog(custody).map((e) => e.action)).toEqual([
      "preservation.started",
      "preservation.completed",
    ]);
  });
});
