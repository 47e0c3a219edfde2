import type { TDetection } from "../timeline/timeline-event";
import { AUTH_INPUTS, type AuthAttempt, AuthAttemptLog } from "./auth-attempts";
import { distinctAccounts, isSpray, sessionsBySource } from "./auth-sessions";
import { type BuiltinRule, overTimeline } from "./builtin-rule";
import { makeDetection } from "./detection-helpers";

const LISTED_MAX = 60;

function listed(values: string[]): string {
  return values.length > LISTED_MAX
    ? `${values.slice(0, LISTED_MAX).join(", ")} … (+${values.length - LISTED_MAX})`
    : values.join(", ");
}

/**
 * Password spraying over 4625, 4648, 4771, 4768, 4776, OpenSSH, SQL Server and VPN logs: one
 * source trying many accounts a few times each. The finding names the source (address and host)
 * and every account tried, which is what a responder needs to reset and to block.
 */
function findPasswordSpray(attempts: AuthAttempt[]): TDetection[] {
  return sessionsBySource(attempts)
    .filter(isSpray)
    .map((session) => {
      const accounts = distinctAccounts(session);
      const first = session[0] as AuthAttempt;
      const hosts = [...new Set(session.map((a) => a.sourceHost).filter(Boolean))];
      const actors = [...new Set(session.map((a) => a.actor).filter(Boolean))];
      const from =
        [first.source, ...hosts.filter((h) => h.toLowerCase() !== first.source.toLowerCase())].join(" / ") +
        (actors.length > 0 ? ` (${actors.join(", ")})` : "");
      const targets = [...new Set(session.map((a) => a.target))].join(", ");
      return makeDetection(
        "password-spray",
        { ja: "パスワードスプレー攻撃", en: "Password spraying" },
        {
          ja: `${from} から ${targets} に対し ${accounts.length} アカウントへ計 ${session.length} 回の認証試行がありました（1 アカウントあたり少数回）。パスワードスプレー攻撃の典型です。対象アカウント: ${listed(accounts)}。成功したログオンがないか確認し、送信元を遮断して対象アカウントのパスワードを変更してください。`,
          en: `${session.length} authentication attempts against ${accounts.length} accounts on ${targets} from ${from}, a few per account: typical password spraying. Accounts: ${listed(accounts)}. Look for a later success, block the source and reset these passwords.`,
        },
        "high",
        session.map((a) => a.event),
        { accounts, remoteSources: [...new Set([first.source, ...hosts])] },
      );
    });
}

export const passwordSprayRule: BuiltinRule = {
  name: "password-spray",
  inputs: AUTH_INPUTS,
  start() {
    const log = new AuthAttemptLog(false);
    return { add: (e) => log.add(e), finish: () => findPasswordSpray(log.sorted()) };
  },
};

export const detectPasswordSpray = overTimeline(passwordSprayRule);
