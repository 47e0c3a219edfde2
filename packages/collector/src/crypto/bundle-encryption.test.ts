import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { verifyBundle } from "@sonae/evidence";
import { beforeAll, describe, expect, it } from "vitest";
import { runCollection } from "../collect/run-collection";
import { issueKitConfig } from "../kit/issue-kit";
import { makeMachineTree, tempDir } from "../test-support/kit-fixtures";
import {
  decryptBundle,
  ENCRYPTED_MAGIC,
  fingerprintX25519,
  generateOrganisationKey,
} from "./bundle-encryption";

let root: string;
let encrypted: string;
const org = generateOrganisationKey();

beforeAll(async () => {
  root = await tempDir("encrypt");
  const tree = await makeMachineTree(path.join(root, "machine"));
  const config = issueKitConfig({
    platform: "linux-x64",
    incident: { id: "i", reference: "INC-2026-0099" },
    organisation: { name: "株式会社テスト" },
    issuedTo: "山田",
    targets: [],
    extraPaths: [tree.varLog, tree.vpnExport],
    ntpServer: null,
    encryptTo: { publicKeyPem: org.publicKeyPem, fingerprint: fingerprintX25519(org.publicKeyPem) },
  });
  const out = path.join(root, "usb");
  const result = await runCollection({ config, examiner: "鑑識", outDir: out });
  expect(result.encrypted).toBe(true);
  encrypted = result.bundlePath;
  // Only ciphertext reaches the removable media.
  expect(await readdir(out)).toEqual([path.basename(encrypted)]);
});

describe("bundles encrypted to the organisation key", () => {
  it("decrypt with the organisation key into a bundle that verifies", async () => {
    const bytes = await readFile(encrypted);
    expect(bytes.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)).toBe(true);
    expect(bytes.includes(Buffer.from("manifest.json"))).toBe(false);
    const plain = path.join(root, "plain.zip");
    await decryptBundle(encrypted, plain, org.privateKeyPem);
    expect((await verifyBundle(plain)).failures).toEqual([]);
  });

  it("do not decrypt with any other key, nor once a byte is changed or the end is cut off", async () => {
    const other = generateOrganisationKey();
    await mkdir(path.join(root, "bad"), { recursive: true });
    await expect(
      decryptBundle(encrypted, path.join(root, "bad", "1.zip"), other.privateKeyPem),
    ).rejects.toThrow();
    const bytes = await readFile(encrypted);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] ?? 0) ^ 1;
    await writeFile(path.join(root, "bad", "flipped.enc"), flipped);
    await expect(
      decryptBundle(
        path.join(root, "bad", "flipped.enc"),
        path.join(root, "bad", "2.zip"),
        org.privateKeyPem,
      ),
    ).rejects.toThrow();
    await writeFile(path.join(root, "bad", "cut.enc"), bytes.subarray(0, bytes.length - 20));
    await expect(
      decryptBundle(path.join(root, "bad", "cut.enc"), path.join(root, "bad", "3.zip"), org.privateKeyPem),
    ).rejects.toThrow();
  });
});
