import { execSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFY_COMMANDS } from "../manifest/verify-text";
import { preserveEvidence } from "../preserve/preserve-evidence";
import { makeTempDir, SHARED_DATA } from "../test-support/bundle-fixtures";

const LOGS = path.join(SHARED_DATA, "logs/wazuh-ruleset-tests/extracted-lines");
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let out: string;
let fingerprint: string;

beforeAll(async () => {
  temp = await makeTempDir("verify-text");
  const bundle = path.join(temp.dir, "bundle.zip");
  const result = await preserveEvidence({
    paths: [LOGS],
    caseId: "C-VT",
    examiner: "鑑識 花子",
    outPath: bundle,
    keyDir: path.join(temp.dir, "keys"),
    ntpServer: null,
  });
  fingerprint = result.manifest.signer.fingerprint;
  out = path.join(temp.dir, "extracted");
  execSync(`unzip -q ${JSON.stringify(bundle)} -d ${JSON.stringify(out)}`);
});
afterAll(() => temp.cleanup());

/** The command lines exactly as VERIFY.txt prints them (three-space indent). */
async function commandsInText(): Promise<string[]> {
  const text = await readFile(path.join(out, "VERIFY.txt"), "utf8");
  return text
    .split("\n")
    .filter((line) => /^ {3}(sha256sum|base64|openssl)/.test(line))
    .map((line) => line.trim());
}

describe("VERIFY.txt", () => {
  it("names the signer and gives the standard-tool commands, in Japanese and English", async () => {
    const text = await readFile(path.join(out, "VERIFY.txt"), "utf8");
    expect(text).toContain(`署名者の鍵指紋 / Signer key fingerprint: ${fingerprint}`);
    expect(text).toContain("全ファイルの SHA-256 を確認");
    expect(text).toContain("Check the Ed25519 signature of manifest.json");
    expect(await commandsInText()).toEqual([
      VERIFY_COMMANDS.sums,
      VERIFY_COMMANDS.signature,
      VERIFY_COMMANDS.fingerprint,
    ]);
  });

  it("its commands, run exactly as printed in the extracted bundle, succeed and print the fingerprint", async () => {
    const [sums, signature, fingerprintCommand] = await commandsInText();
    const sumOutput = execSync(sums ?? "false", { cwd: out, shell: "/bin/bash" }).toString();
    expect(sumOutput).toContain("manifest.json: OK");
    expect(sumOutput).not.toMatch(/FAILED/);
    const signatureOutput = execSync(signature ?? "false", { cwd: out, shell: "/bin/bash" }).toString();
    expect(signatureOutput).toContain("Signature Verified Successfully");
    const printed = execSync(fingerprintCommand ?? "false", { cwd: out, shell: "/bin/bash" }).toString();
    expect(`SHA256:${printed.split(" ")[0]}`).toBe(fingerprint);
  });

  it("the signature command fails once manifest.json is altered", async () => {
    const [, signature] = await commandsInText();
    execSync("sed -i 's/C-VT/C-XX/' manifest.json", { cwd: out });
    expect(() => execSync(signature ?? "true", { cwd: out, shell: "/bin/bash", stdio: "pipe" })).toThrow();
  });
});
