import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createKevCommand } from "../src/kev-command";

let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sonae-kev-cli-"));
  out = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => createKevCommand().parseAsync(args, { from: "user" });

describe("sonae kev", () => {
  it("match --json prints the matches and the catalogue", async () => {
    await run("match", "--vendor", "シスコ", "--product", "ASA 5506-X", "--json", "--dir", dir);
    const result = JSON.parse(out.join(""));
    expect(result.catalog.version).toBe("2026.08.07");
    expect(result.matches.map((m: { cveID: string }) => m.cveID)).toContain("CVE-2020-3452");
    expect(process.exitCode).toBeUndefined();
  });

  it("match prints a readable table in Japanese and English", async () => {
    await run("match", "--vendor", "Fortinet", "--product", "FortiGate", "--version", "7.0.1", "--dir", dir);
    const text = out.join("");
    expect(text).toContain("CVE-2018-13379");
    expect(text).toContain("期限 due");
    expect(text).toContain("ランサムウェア悪用あり / ransomware: Known");
  });

  it("info lists the shipped catalogue", async () => {
    await run("info", "--json", "--dir", dir);
    const info = JSON.parse(out.join(""));
    expect(info.active).toMatchObject({ catalogVersion: "2026.08.07", count: 1662, source: "shipped" });
    expect(info.active.vulnerabilities).toBeUndefined();
  });

  it("import of a malformed file prints both languages and sets exit code 1", async () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "[]");
    await run("import", bad, "--dir", path.join(dir, "store"));
    expect(process.exitCode).toBe(1);
    expect(out.join("")).toMatch(/スキーマ[\s\S]*schema/);
  });
});
