import type { AuthAttempt } from "./auth-attempts";

/** Attempts further apart than this start a new session of the same source. */
const SESSION_GAP_MS = 60 * 60 * 1000;

/** Attempts grouped by source (case-insensitive), split where the source paused for an hour. */
export function sessionsBySource(attempts: AuthAttempt[]): AuthAttempt[][] {
  const bySource = new Map<string, AuthAttempt[]>();
  for (const a of attempts) {
    const key = a.source.toLowerCase();
    const list = bySource.get(key);
    if (list) list.push(a);
    else bySource.set(key, [a]);
  }
  const sessions: AuthAttempt[][] = [];
  for (const list of bySource.values()) {
    list.sort((a, b) => a.event.time.localeCompare(b.event.time));
    let current: AuthAttempt[] = [];
    let last = Number.NEGATIVE_INFINITY;
    for (const a of list) {
      const t = Date.parse(a.event.time);
      if (current.length > 0 && t - last > SESSION_GAP_MS) {
        sessions.push(current);
        current = [];
      }
      current.push(a);
      last = t;
    }
    if (current.length > 0) sessions.push(current);
  }
  return sessions;
}

/** Distinct accounts of a session, in first-seen order (case-insensitive, shown as first written). */
export function distinctAccounts(session: AuthAttempt[]): string[] {
  const seen = new Map<string, string>();
  for (const a of session) {
    if (!a.account) continue;
    const key = a.account.toLowerCase();
    if (!seen.has(key)) seen.set(key, a.account);
  }
  return [...seen.values()];
}

/**
 * Password spraying: many accounts, few tries each, one source (MITRE ATT&CK T1110.003). At least
 * 8 accounts and at most 10 tries per account on average; DeepBlueCLI's own rule fires from 6
 * accounts on 4648, and a person mistyping rarely touches more than one or two accounts.
 */
export const SPRAY_MIN_ACCOUNTS = 8;
export const SPRAY_MAX_TRIES_PER_ACCOUNT = 10;

export function isSpray(session: AuthAttempt[]): boolean {
  const accounts = distinctAccounts(session).length;
  return accounts >= SPRAY_MIN_ACCOUNTS && session.length / accounts <= SPRAY_MAX_TRIES_PER_ACCOUNT;
}
