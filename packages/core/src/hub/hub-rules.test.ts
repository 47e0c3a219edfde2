import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { HUB_UNITS, unitIdOfPrefecture } from "./hub-contracts";
import { computeAckDue, computeResponseDue, isSlaBreached } from "./hub-sla";
import { checkPowSolution, leadingZeroBits, solvePow } from "./proof-of-work";

describe("canonical JSON", () => {
  it("sorts keys at every depth, drops undefined members, and keeps array order", () => {
    const a = canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" }, u: undefined });
    const b = canonicalJson({ a: { c: "x", d: [3, { y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it("refuses values JSON cannot carry", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});

describe("proof of work", () => {
  it("counts leading zero bits", () => {
    expect(leadingZeroBits(new Uint8Array([0, 0x10, 0xff]))).toBe(11);
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
  });
  it("finds a solution that node:crypto's SHA-256 confirms, and rejects a wrong one", async () => {
    const challenge = "12.1900000000000.abcdef.0123";
    const solution = await solvePow(challenge, 12);
    const digest = createHash("sha256").update(`${challenge}:${solution}`).digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(12);
    expect(checkPowSolution(challenge, solution, 12)).toBe(true);
    // Some nearby candidate fails 12 bits (probability of success 1/4096 each).
    const failing = ["a", "b", "c", "d"].find((s) => !checkPowSolution(challenge, `${solution}${s}`, 12));
    expect(failing).toBeDefined();
  });
});

describe("units and SLA clocks", () => {
  it("has the national unit and the 47 prefectures by JIS X 0401 code", () => {
    expect(HUB_UNITS).toHaveLength(48);
    expect(unitIdOfPrefecture("13")).toBe(13);
    expect(unitIdOfPrefecture("大阪府")).toBe(27);
    expect(unitIdOfPrefecture("48")).toBeUndefined();
  });
  it("runs the acknowledgement clock from receipt and the response clock from acknowledgement", () => {
    const received = new Date("2026-11-22T00:00:00Z");
    const ackDue = computeAckDue(received);
    expect(ackDue.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    const base = { ackDueAt: ackDue, acknowledgedAt: null, responseDueAt: null, status: "new" };
    expect(isSlaBreached(base, new Date("2026-11-23T00:00:01Z"))).toBe(true);
    const acked = new Date("2026-11-22T01:00:00Z");
    const due = computeResponseDue(acked, "p1");
    expect(due.toISOString()).toBe("2026-11-22T05:00:00.000Z");
    const ackedCase = { ...base, acknowledgedAt: acked, responseDueAt: due, status: "acknowledged" };
    expect(isSlaBreached(ackedCase, new Date("2026-11-22T04:59:00Z"))).toBe(false);
    expect(isSlaBreached(ackedCase, new Date("2026-11-22T05:01:00Z"))).toBe(true);
    expect(isSlaBreached({ ...ackedCase, status: "closed" }, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });
});
