import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportKeys, importKeys } from "./keys-archive";

const PASSPHRASE = "correct horse battery 電池";

describe("passphrase-encrypted keys file", () => {
  let dir: string;
  let sealed: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sonae-keys-"));
    await mkdir(path.join(dir, "keys"));
    await writeFile(path.join(dir, "keys", "evidence-signing.key"), "-----BEGIN PRIVATE KEY-----\nsecret\n");
    await writeFile(path.join(dir, "keys", "hub-kek"), "00".repeat(32));
    sealed = path.join(dir, "keys.sonae-keys");
    expect(await exportKeys(path.join(dir, "keys"), sealed, PASSPHRASE)).toEqual([
      "evidence-signing.key",
      "hub-kek",
    ]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("holds no key in the clear and restores every key with mode 0600", async () => {
    const text = await readFile(sealed, "utf8");
    expect(text).not.toContain("secret");
    expect(text).not.toContain(Buffer.from("-----BEGIN PRIVATE KEY-----\nsecret\n").toString("base64"));
    expect(JSON.parse(text).kdf).toMatchObject({ name: "argon2id", memoryKiB: 65_536 });
    const target = path.join(dir, "restored");
    await importKeys(sealed, target, PASSPHRASE);
    expect(await readFile(path.join(target, "hub-kek"), "utf8")).toBe("00".repeat(32));
    expect((await stat(path.join(target, "evidence-signing.key"))).mode & 0o777).toBe(0o600);
  });

  it("refuses a wrong passphrase and an altered header, writing nothing", async () => {
    const target = path.join(dir, "wrong");
    await expect(importKeys(sealed, target, `${PASSPHRASE}!`)).rejects.toMatchObject({ code: "VALIDATION" });
    const weakened = path.join(dir, "weakened.sonae-keys");
    const doc = JSON.parse(await readFile(sealed, "utf8"));
    doc.kdf.iterations = 1; // a cheaper KDF must not decrypt: the header is authenticated
    await writeFile(weakened, JSON.stringify(doc));
    await expect(importKeys(weakened, target, PASSPHRASE)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await readdir(target).catch(() => [])).toEqual([]);
  });

  it("never overwrites a key that is already there", async () => {
    const target = path.join(dir, "occupied");
    await mkdir(target);
    await writeFile(path.join(target, "hub-kek"), "mine");
    await expect(importKeys(sealed, target, PASSPHRASE)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await readFile(path.join(target, "hub-kek"), "utf8")).toBe("mine");
    expect(await readdir(target)).toEqual(["hub-kek"]);
  });

  it("refuses a short passphrase", async () => {
    await expect(exportKeys(path.join(dir, "keys"), path.join(dir, "short"), "short")).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});
