import { describe, expect, it } from "vitest";
import { compareVersions, parseVersion } from "../src/version-compare";
import { judgeVersion, parseVersionStatements } from "../src/version-statements";

const v = (s: string) => parseVersion(s)!;

describe("compareVersions", () => {
  it.each([
    ["7.0.12", "7.0.13", -1],
    ["9.1.10", "9.1.9", 1],
    ["7.0", "7.0.0", 0],
    ["10.2.1-h2", "10.2.1", 1],
    ["10.2.1-h2", "10.2.2", -1],
    ["22.7R2.3", "22.7R2", 1],
    ["v4.3.2", "4.3.2", 0],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareVersions(v(a), v(b)))).toBe(sign);
  });
});

describe("parseVersionStatements on real KEV sentences", () => {
  it.each([
    // CVE-2024-9379 (Ivanti CSA)
    [
      "contains a SQL injection vulnerability in the admin web console in versions prior to 5.0.2, which can",
      [{ max: "5.0.2", maxInclusive: false }],
    ],
    // CVE-2021-35247 (SolarWinds Serv-U)
    [
      "SolarWinds Serv-U versions 15.2.5 and earlier contain an improper input validation",
      [{ max: "15.2.5", maxInclusive: true }],
    ],
    // CVE-2018-14847 (MikroTik RouterOS)
    [
      "MikroTik RouterOS through 6.42 allows unauthenticated remote attackers",
      [{ max: "6.42", maxInclusive: true }],
    ],
    // CVE-2021-22204 (ExifTool)
    [
      "in Exiftool versions 7.44 and up allows arbitrary code execution",
      [{ min: "7.44", minInclusive: true }],
    ],
    // CVE-2012-0391 (Apache Struts 2)
    [
      "The ExceptionDelegator component in Apache Struts 2 before 2.2.3.1 contains",
      [{ max: "2.2.3.1", maxInclusive: false }],
    ],
    // A range as vendors write it (FortiOS advisory style)
    [
      "FortiOS versions 7.0.0 through 7.0.6 and 7.2.0 through 7.2.1",
      [
        { min: "7.0.0", max: "7.0.6" },
        { min: "7.2.0", max: "7.2.1" },
      ],
    ],
  ])("%s", (text, expected) => {
    const got = parseVersionStatements(text);
    expect(got).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) expect(got[i]).toMatchObject(e);
  });

  it("ignores advisory ids in URLs, years and CVE numbers", () => {
    expect(
      parseVersionStatements(
        "https://fortiguard.fortinet.com/psirt/FG-IR-24-015 ; CVE-2024-21762 since 2021",
      ),
    ).toEqual([]);
  });
});

describe("judgeVersion", () => {
  const ranges = parseVersionStatements("versions 7.0.0 through 7.0.6 and 7.2.0 through 7.2.1");
  it("is affected inside any range and not affected outside all of them, with the reason", () => {
    expect(judgeVersion("7.0.3", ranges).verdict).toBe("affected");
    expect(judgeVersion("7.2.1", ranges).verdict).toBe("affected");
    const outside = judgeVersion("7.0.7", ranges);
    expect(outside.verdict).toBe("not-affected-by-version");
    expect(outside.reason.en).toContain("versions 7.0.0 through 7.0.6");
    expect(outside.reason.ja).toContain("範囲外");
  });
  it("is version-unknown without statements or without a readable device version", () => {
    expect(judgeVersion("7.0.3", []).verdict).toBe("version-unknown");
    expect(judgeVersion(undefined, ranges).verdict).toBe("version-unknown");
    expect(judgeVersion("latest", ranges).verdict).toBe("version-unknown");
  });
});
