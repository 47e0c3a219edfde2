import { AppError } from "@sonae/core";

/** Failures allowed before back-off starts, and how back-off grows (doubling, capped). */
export type ThrottlePolicy = {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
};

/**
 * Sign-in failures counted two ways (issue 16 §5): per IP address across accounts (a password
 * spray from one address) and per account across addresses (a distributed guess at one
 * account). Past the free failures each further failure doubles a wait during which that key
 * is refused without checking any password. Successful sign-ins never count, so an office
 * behind one NAT signing in normally is not slowed.
 */
export const IP_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};
/** Bound on remembered keys per kind: the oldest are forgotten first (memory stays bounded under a flood). */
const MAX_KEYS = 100_000;

type Entry = { failures: number; blockedUntil: number; lastFailureAt: number };

class FailureCounter {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly policy: ThrottlePolicy) {}

  /** Milliseconds this key must still wait (0: may try). */
  waitMs(key: string, now: number): number {
    const e = this.current(key, now);
    return e ? Math.max(0, e.blockedUntil - now) : 0;
  }

  fail(key: string, now: number) {
    const e = this.current(key, now) ?? { failures: 0, blockedUntil: 0, lastFailureAt: now };
    e.failures += 1;
    e.lastFailureAt = now;
    const over = e.failures - this.policy.freeFailures;
    if (over > 0)
      e.blockedUntil =
        now + Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** Math.min(over - 1, 30));
    this.entries.delete(key);
    this.entries.set(key, e);
    if (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(key: string) {
    this.entries.delete(key);
  }

  private current(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && now - e.lastFailureAt > this.policy.forgetAfterMs && now >= e.blockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
}

export class LoginThrottle {
  private readonly byIp: FailureCounter;
  private readonly byAccount: FailureCounter;
  constructor(ip: ThrottlePolicy = IP_POLICY, account: ThrottlePolicy = ACCOUNT_POLICY) {
    this.byIp = new FailureCounter(ip);
    this.byAccount = new FailureCounter(account);
  }

  /** Seconds the address or the account must still wait before the next try (0: may try now). */
  waitSeconds(ip: string, email: string, now = Date.now()): number {
    const wait = Math.max(this.byIp.waitMs(ip, now), this.byAccount.waitMs(email.toLowerCase(), now));
    return Math.ceil(wait / 1000);
  }

  failed(ip: string, email: string, now = Date.now()) {
    this.byIp.fail(ip, now);
    this.byAccount.fail(email.toLowerCase(), now);
  }

  succeeded(email: string) {
    this.byAccount.forget(email.toLowerCase());
  }
}

/** The refusal while backing off, with the wait in the message (the route also sends Retry-After). */
export function backingOff(seconds: number): AppError {
  return new AppError("RATE_LIMITED", {
    detail: {
      ja: `サインインの失敗が続いたため、一時的に受け付けていません。${seconds}秒後に再度お試しください。`,
      en: `Too many failed sign-ins. Try again in ${seconds} seconds.`,
    },
  });
}
