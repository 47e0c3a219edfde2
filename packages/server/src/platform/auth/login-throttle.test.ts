import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle";

describe("login back-off", () => {
  it("doubles the wait with each failure past the free ones, per account across addresses", () => {
    const throttle = new LoginThrottle(
      { freeFailures: 100, baseDelayMs: 1_000, maxDelayMs: 8_000, forgetAfterMs: 3_600_000 },
      { freeFailures: 2, baseDelayMs: 1_000, maxDelayMs: 8_000, forgetAfterMs: 3_600_000 },
    );
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      now += throttle.waitSeconds(`10.0.0.${i}`, "a@example.jp", now) * 1000;
      throttle.failed(`10.0.0.${i}`, "A@example.jp", now);
      waits.push(throttle.waitSeconds("10.9.9.9", "a@example.jp", now));
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 8]);
    throttle.succeeded("a@example.jp");
    expect(throttle.waitSeconds("10.9.9.9", "a@example.jp", now)).toBe(0);
  });
});
