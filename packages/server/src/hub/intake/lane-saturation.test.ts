import { describe, expect, it } from "vitest";
import { LaneSaturation } from "./signed-intake.service";

/** The unconfirmed lane's memory of "full", which lets a flood be refused before any parsing. */
describe("lane saturation memory", () => {
  it("remembers a full lane for new keys only, or for every unconfirmed key, for a while", () => {
    const s = new LaneSaturation(30_000);
    const t0 = 1_000_000;
    expect(s.isFull(false, 0, t0)).toBe(false);
    s.noteFull(false, 0, t0);
    expect(s.isFull(false, 0, t0 + 1)).toBe(true);
    // The pending-keys cap says nothing about keys already pending.
    expect(s.isFull(true, 0, t0 + 1)).toBe(false);
    s.noteFull(true, 0, t0);
    expect(s.isFull(true, 0, t0 + 29_999)).toBe(true);
    expect(s.isFull(true, 0, t0 + 30_000)).toBe(false);
    expect(s.isFull(false, 0, t0 + 30_000)).toBe(false);
  });

  it("forgets at once when a key's status changed (room may have appeared)", () => {
    const s = new LaneSaturation(30_000);
    s.noteFull(true, 4, 0);
    expect(s.isFull(true, 4, 1)).toBe(true);
    expect(s.isFull(true, 5, 1)).toBe(false);
    expect(s.isFull(false, 5, 1)).toBe(false);
  });
});
