import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeTempDir, rewriteBundle, SHARED_DATA } from "../test-support/bundle-fixtures";
import { createKeysCommand } from "./keys-command";
import { createPreserveCommand } from "./preserve-command";
import { createVerifyCommand } from "./verify-command";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let bundle: string;
const keyDir = () => path.join(temp.dir, "keys");

async function run(
  command: ReturnType<typeof createVerifyCommand>,
  args: string[],
): Promise<{ out: string; code: number }> {
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  process.exitCode = 0;
  try {
    await command.parseAsync(args, { from: "user" });
  } finally {
    spy.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, code };
}

beforeAll(async () => {
  temp = await makeTempDir("cli");
  bundle = path.join(temp.dir, "bundle.zip");
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => temp.cleanup());

describe("CLI commands", () => {
  it("preserve prints JSON and exits 0; a second run to the same file is a usage error (2)", async () => {
    const args = [
      path.join(SHARED_DATA, "logs/wazuh-ruleset-tests/extracted-lines"),
      "--case",
      "C-1",
      "--examiner",
      "e",
      "--out",
      bundle,
      "--key-dir",
      keyDir(),
      "--no-ntp",
      "--hash",
      "sha1,md5",
      "--json",
    ];
    const first = await run(createPreserveCommand(), args);
    expect(first.code).toBe(0);
    const body = JSON.parse(first.out) as { ok: boolean; totals: { files: number } };
    expect(body).toMatchObject({ ok: true, totals: { files: 9 } });
    const second = await run(createPreserveCommand(), args);
    expect(second.code).toBe(2);
    expect(JSON.parse(second.out)).toMatchObject({ ok: false, code: "OUTPUT_EXISTS" });
  });

  it("verify exits 0 on a good bundle and 1 naming the altered file", async () => {
    const good = await run(createVerifyCommand(), [bundle, "--json"]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ ok: true, filesChecked: 9 });
    const bad = path.join(temp.dir, "bad.zip");
    await rewriteBundle(bundle, bad, (all) =>
      all.map(([n, d]) => [
        n,
        n.endsWith("sshd.log") ? Buffer.concat([d, Buffer.from("planted line\n")]) : d,
      ]),
    );
    const result = await run(createVerifyCommand(), [bad]);
    expect(result.code).toBe(1);
    expect(result.out).toContain("検証失敗 / Verification FAILED");
    expect(result.out).toContain("[FILE_SIZE_MISMATCH] files/1/extracted-lines/sshd.log");
    expect(result.out).toContain("[FILE_SHA256_MISMATCH] files/1/extracted-lines/sshd.log");
  });

  it("keys export-public writes the PEM whose fingerprint signed the bundle; the private key is 0600", async () => {
    const pem = path.join(temp.dir, "police.pem");
    const result = await run(createKeysCommand(), [
      "export-public",
      "--key-dir",
      keyDir(),
      "--out",
      pem,
      "--json",
    ]);
    const body = JSON.parse(result.out) as { fingerprint: string };
    const verified = JSON.parse(
      (await run(createVerifyCommand(), [bundle, "--json", "--trusted-key", pem])).out,
    ) as {
      signerFingerprint: string;
      signerTrusted: boolean;
    };
    expect(verified).toMatchObject({ signerFingerprint: body.fingerprint, signerTrusted: true });
    expect(await readFile(pem, "utf8")).toContain("BEGIN PUBLIC KEY");
    expect((await stat(path.join(keyDir(), "evidence-signing.key"))).mode & 0o777).toBe(0o600);
  });
});
