import { describe, expect, it } from "vitest";
import { readNote } from "../testing/hub-test-app";
import { collectFromText } from "./collect-indicators";
import { isWarningListed } from "./hub-warning-list";

describe("indicators for the hub index", () => {
  it("keeps a real note's onion addresses and marks torproject.org as noise", () => {
    const found = collectFromText([readNote("akira", "akira_readme.txt")]);
    const onions = found.filter((i) => i.kind === "onion");
    expect(onions.length).toBeGreaterThanOrEqual(2);
    expect(onions.every((i) => !i.noisy)).toBe(true);
    const tor = found.filter((i) => i.value.includes("torproject.org"));
    expect(tor.length).toBeGreaterThan(0);
    expect(tor.every((i) => i.noisy)).toBe(true);
  });

  it("reads a victim id printed in a note as a note_id", () => {
    const found = collectFromText(["Your personal ID:\nA1B2C3D4E5F60718293A4B5C6D7E8F90"]);
    expect(found).toContainEqual({
      kind: "note_id",
      value: "A1B2C3D4E5F60718293A4B5C6D7E8F90",
      noisy: false,
    });
  });

  it("warning-lists resolvers, CDN edges and cloud suffixes but not an ordinary address", () => {
    expect(isWarningListed("ipv4", "8.8.8.8")).toBe(true);
    expect(isWarningListed("ipv4", "104.16.5.5")).toBe(true);
    expect(isWarningListed("ipv4", "192.168.0.1")).toBe(true);
    expect(isWarningListed("domain", "d1234.cloudfront.net")).toBe(true);
    expect(isWarningListed("url", "https://bucket.s3.amazonaws.com/x")).toBe(true);
    expect(isWarningListed("ipv4", "45.9.148.12")).toBe(false);
    expect(isWarningListed("email", "recover@onionmail.org")).toBe(false);
  });
});
