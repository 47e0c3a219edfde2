import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueKitConfig } from "./issue-kit";
import { KitConsole } from "./kit-console";
import { offerUpload } from "./kit-upload-step";
import { isAllowedUploadUrl, sha256Hex, signKitUpload, verifyKitUpload } from "./upload-signature";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sonae-kit-upload-unit-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const kit = (uploadUrl: string | null) =>
  issueKitConfig({
    platform: "linux-x64",
    incident: { id: "00000000-0000-4000-8000-000000000001", reference: "INC-2026-0001" },
    organisation: { name: "テスト組織" },
    issuedTo: "山田",
    targets: [],
    ntpServer: null,
    uploadUrl,
  });

describe("kit upload signatures", () => {
  const config = kit("https://sonae.example.jp");
  const parts = {
    method: "PUT",
    path: "/api/kit-uploads/abc?offset=8388608",
    offset: 8_388_608,
    chunkSha256: sha256Hex("chunk"),
    timestamp: "2026-12-02T02:00:00.000Z",
  };
  const signature = signKitUpload(config.signingKeyPem, parts);

  it("verifies with the kit's public key and fails when any signed part changes", () => {
    expect(verifyKitUpload(config.publicKeyPem, parts, signature)).toBe(true);
    for (const changed of [
      { ...parts, method: "POST" },
      { ...parts, path: "/api/kit-uploads/abd?offset=8388608" },
      { ...parts, offset: 0 },
      { ...parts, chunkSha256: sha256Hex("other") },
      { ...parts, timestamp: "2026-12-02T02:00:01.000Z" },
    ])
      expect(verifyKitUpload(config.publicKeyPem, changed, signature)).toBe(false);
    const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(verifyKitUpload(other, parts, signature)).toBe(false);
    expect(verifyKitUpload(config.publicKeyPem, parts, "not base64 at all")).toBe(false);
  });

  it("allows https anywhere and plain http only to this machine", () => {
    expect(isAllowedUploadUrl("https://sonae.example.jp")).toBe(true);
    expect(isAllowedUploadUrl("http://localhost:3000")).toBe(true);
    expect(isAllowedUploadUrl("http://127.0.0.1:8080")).toBe(true);
    expect(isAllowedUploadUrl("http://sonae.example.jp")).toBe(false);
    expect(isAllowedUploadUrl("http://localhost.example.jp")).toBe(false);
    expect(isAllowedUploadUrl("ftp://localhost")).toBe(false);
    expect(isAllowedUploadUrl("not a url")).toBe(false);
  });
});

describe("offering the upload after collection", () => {
  it("a failed upload leaves the bundle in place and says how to upload by hand", async () => {
    const bundle = path.join(dir, "bundle.zip");
    await writeFile(bundle, "bundle bytes");
    const out = new KitConsole(() => {});
    // Port 1 on this machine: nothing listens, so the connection is refused without any network.
    const ok = await offerUpload(kit("http://127.0.0.1:1"), bundle, sha256Hex("bundle bytes"), out, "yes");
    expect(ok).toBe(false);
    const text = out.lines.join("\n");
    expect(text).toContain("アップロードに失敗しました");
    expect(text).toContain("Cannot reach the server");
    expect(text).toContain(`--upload-only "${bundle}"`);
    expect(await readFile(bundle, "utf8")).toBe("bundle bytes");
  });

  it("does nothing without an upload address, and only explains when the person declines", async () => {
    const out = new KitConsole(() => {});
    expect(await offerUpload(kit(null), "/nonexistent", "0", out, "yes")).toBe(true);
    expect(out.lines).toEqual([]);
    expect(await offerUpload(kit("https://sonae.example.jp"), "/b.zip", "0", out, "no")).toBe(true);
    expect(out.lines.join("\n")).toContain("To upload by hand");
    expect(out.lines.join("\n")).not.toContain("Uploading");
  });
});
