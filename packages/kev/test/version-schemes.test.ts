import { describe, expect, it } from "vitest";
import {
  cleanDeviceVersion,
  compareSegments,
  readDataVersion,
  readDeviceVersion,
  VERSION_SCHEMES,
} from "../src/ranges/version-schemes";

const s = VERSION_SCHEMES;
const device = (v: string, scheme: keyof typeof s) => readDeviceVersion(v, s[scheme]!);
const sign = (a: ReturnType<typeof device>, b: ReturnType<typeof device>) =>
  Math.sign(compareSegments(a!, b!));

describe("vendor version schemes", () => {
  it("orders FortiOS numerically and drops the build number", () => {
    expect(sign(device("7.0.12", "fortios"), device("7.0.9", "fortios"))).toBe(1);
    expect(device("v7.0.12 build0523 (GA)", "fortios")).toEqual([7, 0, 12]);
    expect(device("7.0", "fortios")).toBeNull();
    expect(device("FortiOS v7.0.12", "fortios")).toEqual([7, 0, 12]);
    expect(device("PAN-OS 10.2.9-h1", "panos")).toEqual([10, 2, 9, "h", 1]);
  });

  it("reads Ivanti releases the way NVD splits them into version and update (22.7:r2.4)", () => {
    expect(device("22.7R2.3", "ivanti")).toEqual(readDataVersion("22.7", "r2.3", s.ivanti!));
    expect(sign(device("22.7R2.3", "ivanti"), device("22.7R2", "ivanti"))).toBe(1);
    expect(sign(device("22.7R2.10", "ivanti"), device("22.7R2.9", "ivanti"))).toBe(1);
    expect(sign(device("9.1R18.9", "ivanti"), device("22.7R1", "ivanti"))).toBe(-1);
  });

  it("ignores SonicWall's sv suffix and compares the build", () => {
    expect(device("10.2.1.13-72sv", "sonicwall")).toEqual(
      readDataVersion("10.2.1.13-72sv", undefined, s.sonicwall!),
    );
    expect(sign(device("10.2.1.13-72sv", "sonicwall"), device("10.2.1.9-57sv", "sonicwall"))).toBe(1);
  });

  it("puts PAN-OS hotfixes after their release and before the next one", () => {
    const base = device("10.2.9", "panos");
    const hotfix = device("10.2.9-h1", "panos");
    expect(hotfix).toEqual(readDataVersion("10.2.9", "h1", s.panos!));
    expect(sign(hotfix, base)).toBe(1);
    expect(sign(hotfix, device("10.2.10", "panos"))).toBe(-1);
  });

  it("reads Cisco's 9.16(4)27 as NVD's 9.16.4.27 and NVD's quoted 8.1\\(2.5\\)", () => {
    expect(device("9.16(4)27", "cisco")).toEqual([9, 16, 4, 27]);
    expect(device("9.16(4)", "cisco")).toEqual([9, 16, 4]);
    expect(readDataVersion("8.1\\(2.5\\)", "*", s.cisco!)).toEqual([8, 1, 2, 5]);
  });

  it("reads Citrix builds in the forms admins copy from the console", () => {
    expect(device("13.1-51.15", "citrix")).toEqual([13, 1, 51, 15]);
    expect(device("13.1 build 51.15", "citrix")).toEqual([13, 1, 51, 15]);
    expect(device("NS13.1: Build 51.15", "citrix")).toEqual([13, 1, 51, 15]);
    expect(sign(device("13.1-51.15", "citrix"), [13, 1, 49, 13])).toBe(1);
  });

  it("refuses what a scheme cannot read, so the verdict stays unknown", () => {
    for (const v of ["latest", "", "最新", "7.x", "2016 CU23"]) expect(device(v, "fortios")).toBeNull();
    expect(device("15.2.1544.4", "none")).toBeNull();
  });

  it("stays fast on long runs of its own tokens (outside data)", () => {
    const inputs = [
      "1.".repeat(50_000),
      "v".repeat(100_000),
      `${"(".repeat(50_000)}1`,
      "build ".repeat(20_000),
      "9.16(4".repeat(20_000),
    ];
    for (const text of inputs) {
      const started = performance.now();
      cleanDeviceVersion(text);
      for (const scheme of Object.values(s)) {
        readDeviceVersion(text, scheme);
        readDataVersion(text, text, scheme);
      }
      expect(performance.now() - started).toBeLessThan(100);
    }
    // Within the length limit, the worst shapes are still fast.
    for (const text of ["(".repeat(99), `${"1.".repeat(49)}x`, " (".repeat(49), "build ".repeat(16)]) {
      const started = performance.now();
      for (const scheme of Object.values(s)) readDeviceVersion(text, scheme);
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});
