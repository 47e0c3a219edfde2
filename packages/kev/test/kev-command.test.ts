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
    await run("match", "--vendor", "Fortinet", "--product", "FortiGate", "--version", "7.0.12", "--dir", dir);
    const text = out.join("");
    // Affected first with its basis, fixed version and due date; not-affected entries only counted and listed.
    expect(text).toMatch(
      /CVE-2024-21762 {2}該当 \/ affected {2}期限 due 2024-02-16 {2}修正版 fixed 7\.0\.14/,
    );
    expect(text).toContain("ランサムウェアで悪用 / used by ransomware");
    expect(text).toContain("範囲外書き込み");
    expect(text).toMatch(/対象外 not affected \(\d+\): .*CVE-2018-13379/);
    expect(text).toContain("not endorsed or certified by the NVD");
  });

  it("info lists the shipped catalogue", async () => {
    await run("info", "--json", "--dir", dir);
    const info = JSON.parse(out.join(""));
    expect(info.active).toMatchObject({ catalogVersion: "2026.08.07", count: 1662, source: "shipped" });
    expect(info.active.vulnerabilities).toBeUndefined();
    expect(info.nvd[0]).toMatchObject({ origin: "shipped", retrieved: "2026-12-01", count: 186 });
  });

  it("import of a malformed file prints both languages and sets exit code 1", async () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "[]");
    await run("import", bad, "--dir", path.join(dir, "store"));
    expect(process.exitCode).toBe(1);
    expect(out.join("")).toMatch(/スキーマ[\s\S]*schema/);
  });
});
