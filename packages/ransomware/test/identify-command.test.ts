import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_USAGE } from "../src/cli/identify-command";
// Through the package entry point, as the CLI package will import it.
import { createIdentifyCommand, runIdentify, toIdentificationRecord } from "../src/index";
import { ZIdentifyResult } from "../src/result-schema";
import { notePath } from "./paths";

const dir = mkdtempSync(path.join(tmpdir(), "sonae-identify-"));

describe("sonae identify", () => {
  it("reads a note among encrypted files and prints JSON", () => {
    const note = path.join(dir, "!_WHY_FILES_ARE_ENCRYPTED_!.txt");
    copyFileSync(notePath("ransomexx/!_WHY_FILES_ARE_ENCRYPTED_!.txt"), note);
    const encrypted = path.join(dir, "budget.xlsx.abcd1234");
    writeFileSync(
      encrypted,
      new Uint8Array(4096).map((_, i) => (i * 31) % 256),
    );
    const { output, exitCode } = runIdentify([encrypted, note], { json: true });
    const result = ZIdentifyResult.parse(JSON.parse(output));
    expect(exitCode).toBe(0);
    expect(result.candidates[0]?.family).toBe("ransomexx");
    expect(result.input.fileNames).toBe(2);
    expect(toIdentificationRecord(result).family).toBe("ransomexx");
  });

  it("prints Japanese then English and exits 1 when nothing is convincing", () => {
    const file = path.join(dir, "photo.jpg.qwxz");
    writeFileSync(
      file,
      new Uint8Array(2048).map((_, i) => (i * 17) % 256),
    );
    const { output, exitCode } = runIdentify([file], {});
    expect(exitCode).toBe(1);
    expect(output).toContain("不明: 確かな一致はありません / Unknown");
    expect(output).toContain("警察 / Police:");
  });

  it("uses --ext and prints defanged artefacts only", () => {
    const file = path.join(dir, "x.bin");
    writeFileSync(file, "short");
    const { output } = runIdentify([file], { ext: ".lockbit" });
    expect(output).toContain("LockBit");
    expect(output).not.toMatch(/[a-z2-7]{56}\.onion/);
  });

  it("reports a missing file as a usage error (exit 2)", () => {
    expect(runIdentify([path.join(dir, "does-not-exist.txt")], {}).exitCode).toBe(EXIT_USAGE);
    const cmd = createIdentifyCommand().exitOverride();
    cmd.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    expect(() => cmd.parse([path.join(dir, "nope.txt")], { from: "user" })).toThrow(
      expect.objectContaining({ exitCode: EXIT_USAGE }),
    );
  });
});
