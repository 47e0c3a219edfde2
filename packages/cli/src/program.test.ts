import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgram } from "./program";

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function capture(): string[] {
  const out: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  return out;
}

const match = (...version: string[]) =>
  createProgram()
    .exitOverride()
    .parseAsync(["kev", "match", "--vendor", "Fortinet", "--product", "FortiGate", ...version, "--json"], {
      from: "user",
    });

describe("sonae kev match --version", () => {
  it("takes `--version 7.0.10` as the device's version, not as a request for Sonae's own version", async () => {
    const out = capture();
    await match("--version", "7.0.10");
    const result = JSON.parse(out.join(""));
    expect(result.device.version).toBe("7.0.10");
    const cve = result.matches.find((m: { cveID: string }) => m.cveID === "CVE-2024-21762");
    expect(cve.versionVerdict).toBe("affected");
  });

  it("reads `--version=7.0.10` the same way and judges by it", async () => {
    const out = capture();
    await match("--version=7.0.14");
    const result = JSON.parse(out.join(""));
    expect(result.device.version).toBe("7.0.14");
    const cve = result.matches.find((m: { cveID: string }) => m.cveID === "CVE-2024-21762");
    expect(cve.versionVerdict).toBe("not-affected-by-version");
  });

  it("still prints Sonae's version for `sonae --version`", async () => {
    const out = capture();
    await expect(
      createProgram().exitOverride().parseAsync(["--version"], { from: "user" }),
    ).rejects.toThrow();
    expect(out.join("")).toContain("0.1.0");
  });
});
