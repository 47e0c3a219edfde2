import type { Db } from "@sonae/db";
import type { Actor } from "../http/request-context";

/**
 * How long a resolved session may be served from memory. This is the bound on staleness when
 * several server processes share one PostgreSQL database: a logout, password change, role change
 * or deactivation made through process A is seen by process B at the latest SESSION_CACHE_TTL_MS
 * later (B has no way to hear about A's change; its cached entry simply ages out). The same bound
 * applies to changes made behind the server's back (SQL console, a restore into a live database)
 * and to a renamed organisation in `actor.organisationName` (GET /api/session, which the web app
 * re-reads after such changes, always asks the database). Within one process the bound is zero for
 * security changes: every change that ends or alters a session goes through a service that calls
 * `forget*` below.
 */
export const SESSION_CACHE_TTL_MS = readTtl(process.env.SONAE_SESSION_CACHE_TTL_MS);

/**
 * SONAE_SESSION_CACHE_TTL_MS: 0 turns the cache off (every request asks the database, e.g. for
 * several processes that must see a logout at once); at most 60 s, so staleness stays short.
 */
function readTtl(value: string | undefined): number {
  if (value === undefined || value === "") return 5_000;
  const ttl = Number(value);
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 60_000) {
    throw new Error(`SONAE_SESSION_CACHE_TTL_MS must be an integer from 0 to 60000 (got "${value}")`);
  }
  return ttl;
}

/** Enough for every signed-in user of a small organisation many times over; memory stays a few hundred KB. */
export const SESSION_CACHE_MAX_ENTRIES = 1_000;

type Entry = {
  /** The database the row came from: test processes run many apps on different databases side by side. */
  source: Db;
  actor: Readonly<Actor>;
  /** Dropped at whichever comes first: the TTL or the session's own expiry. */
  staleAt: number;
};

/**
 * An in-process cache of "session token hash → actor", so an authenticated request does not pay
 * for the session + user + organisation join every time.
 *
 * Why this is safe in one process:
 * - keys are SHA-256 hashes of 256-bit random tokens, the same value the database is searched by;
 *   unknown tokens and disabled users are never cached, so guessing cannot fill the cache;
 * - every way a session ends or changes within this process (logout, password change, role change,
 *   deactivation) calls `forgetToken`/`forgetUser` after its transaction commits, and an entry is
 *   never served past the session's `expires_at`;
 * - a lookup that started before an invalidation may still be reading the old row; `epoch` lets
 *   `remember` refuse to store that row, so it cannot resurrect a session that was just ended.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number; now?: () => number } = {
      ttlMs: SESSION_CACHE_TTL_MS,
      maxEntries: SESSION_CACHE_MAX_ENTRIES,
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Taken before reading the database; pass it to `remember`. */
  get epoch(): number {
    return this.generation;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached actor for this token hash on this database, or undefined (then ask the database). */
  get(source: Db, tokenHash: string): Readonly<Actor> | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry || entry.source !== source) return undefined;
    if (this.now() >= entry.staleAt) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.actor;
  }

  /**
   * Stores a live session read at `epoch`. Ignored if anything was invalidated since, because the
   * row may predate that invalidation.
   */
  remember(source: Db, tokenHash: string, actor: Actor, sessionExpiresAt: Date, epoch: number): void {
    if (epoch !== this.generation || this.options.ttlMs <= 0) return;
    const staleAt = Math.min(this.now() + this.options.ttlMs, sessionExpiresAt.getTime());
    this.entries.delete(tokenHash);
    // Maps iterate in insertion order, so the first key is the oldest entry.
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { source, actor: Object.freeze({ ...actor }), staleAt });
  }

  /** One session ended (logout). */
  forgetToken(tokenHash: string): void {
    this.generation++;
    this.entries.delete(tokenHash);
  }

  /** Every session of a user changed or ended (password, role, deactivation). */
  forgetUser(userId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (entry.actor.userId === userId) this.entries.delete(key);
    }
  }

  /** The organisation's profile changed (name, prefecture): its members' cached actors carry it. */
  forgetOrganisation(organisationId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (entry.actor.organisationId === organisationId) this.entries.delete(key);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

/** The one cache of this process (see SessionCache for why one process may trust it). */
export const sessionCache = new SessionCache();
