import type { Db } from "@sonae/db";
import { describe, expect, it } from "vitest";
import type { Actor } from "../http/request-context";
import { SessionCache } from "./session-cache";

const db = {} as Db;
const otherDb = {} as Db;
const actor = (userId: string): Actor => ({
  userId,
  organisationId: "org-1",
  role: "member",
  email: `${userId}@example.jp`,
  displayName: userId,
  organisationName: "株式会社テスト",
});

function cacheAt(start = 1_000_000, options: { ttlMs?: number; maxEntries?: number } = {}) {
  const clock = { now: start };
  const cache = new SessionCache({
    ttlMs: options.ttlMs ?? 5_000,
    maxEntries: options.maxEntries ?? 10,
    now: () => clock.now,
  });
  return { cache, clock, farFuture: new Date(start + 3_600_000) };
}

describe("SessionCache", () => {
  it("serves an entry until the TTL, then asks the database again", () => {
    const { cache, clock, farFuture } = cacheAt();
    cache.remember(db, "h1", actor("u1"), farFuture, cache.epoch);
    expect(cache.get(db, "h1")?.userId).toBe("u1");
    clock.now += 4_999;
    expect(cache.get(db, "h1")).toBeDefined();
    clock.now += 1;
    expect(cache.get(db, "h1")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never serves a session past its own expiry, even inside the TTL", () => {
    const { cache, clock } = cacheAt();
    cache.remember(db, "h1", actor("u1"), new Date(clock.now + 1_000), cache.epoch);
    clock.now += 999;
    expect(cache.get(db, "h1")).toBeDefined();
    clock.now += 1;
    expect(cache.get(db, "h1")).toBeUndefined();
  });

  it("forgets one token, or every session of one user and no one else's", () => {
    const { cache, farFuture } = cacheAt();
    cache.remember(db, "a1", actor("alice"), farFuture, cache.epoch);
    cache.remember(db, "a2", actor("alice"), farFuture, cache.epoch);
    cache.remember(db, "b1", actor("bob"), farFuture, cache.epoch);
    cache.forgetToken("a1");
    expect(cache.get(db, "a1")).toBeUndefined();
    expect(cache.get(db, "a2")).toBeDefined();
    cache.forgetUser("alice");
    expect(cache.get(db, "a2")).toBeUndefined();
    expect(cache.get(db, "b1")?.userId).toBe("bob");
  });

  it("refuses a row read before an invalidation, so an ended session cannot come back", () => {
    const { cache, farFuture } = cacheAt();
    const epoch = cache.epoch; // a lookup starts reading the database …
    cache.forgetUser("alice"); // … a logout / role change commits meanwhile …
    cache.remember(db, "a1", actor("alice"), farFuture, epoch); // … and the old row arrives
    expect(cache.get(db, "a1")).toBeUndefined();
    cache.remember(db, "a1", actor("alice"), farFuture, cache.epoch);
    expect(cache.get(db, "a1")).toBeDefined();
  });

  it("forgets every member of an organisation whose profile changed, and no one else", () => {
    const { cache, farFuture } = cacheAt();
    cache.remember(db, "o1", actor("alice"), farFuture, cache.epoch);
    cache.remember(db, "o2", { ...actor("zoe"), organisationId: "org-2" }, farFuture, cache.epoch);
    cache.forgetOrganisation("org-1");
    expect(cache.get(db, "o1")).toBeUndefined();
    expect(cache.get(db, "o2")?.userId).toBe("zoe");
  });

  it("stays bounded, dropping the oldest entry first", () => {
    const { cache, farFuture } = cacheAt(1_000_000, { maxEntries: 3 });
    for (const key of ["k1", "k2", "k3", "k4"]) cache.remember(db, key, actor(key), farFuture, cache.epoch);
    expect(cache.size).toBe(3);
    expect(cache.get(db, "k1")).toBeUndefined();
    expect(cache.get(db, "k4")).toBeDefined();
  });

  it("caches nothing with a TTL of 0 (SONAE_SESSION_CACHE_TTL_MS=0)", () => {
    const { cache, farFuture } = cacheAt(1_000_000, { ttlMs: 0 });
    cache.remember(db, "h1", actor("u1"), farFuture, cache.epoch);
    expect(cache.get(db, "h1")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps databases apart and hands out frozen actors", () => {
    const { cache, farFuture } = cacheAt();
    const original = actor("u1");
    cache.remember(db, "h1", original, farFuture, cache.epoch);
    expect(cache.get(otherDb, "h1")).toBeUndefined();
    const served = cache.get(db, "h1")!;
    expect(Object.isFrozen(served)).toBe(true);
    original.role = "admin";
    expect(served.role).toBe("member");
  });
});
