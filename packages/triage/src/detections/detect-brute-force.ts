import type { TDetection, TLocalizedText, TTimelineEvent } from "../timeline/timeline-event";
import { AUTH_INPUTS, type AuthAttempt, AuthAttemptLog } from "./auth-attempts";
import { distinctAccounts, isSpray, sessionsBySource } from "./auth-sessions";
import { type BuiltinRule, overTimeline } from "./builtin-rule";
import { makeDetection } from "./detection-helpers";

/** Failures further apart than this end a burst. */
const WINDOW_MS = 10 * 60 * 1000;
/** Windows logons: DeepBlueCLI reports more than 5 failures. */
const MIN_WINDOWS = 6;
/** VPN, SSH and SQL Server are exposed to the Internet: fewer failures are already worth a look. */
const MIN_EXPOSED = 3;

/** Runs of at least `min` failures, each within WINDOW_MS of the one before. */
function findBursts(attempts: AuthAttempt[], min: number): AuthAttempt[][] {
  const bursts: AuthAttempt[][] = [];
  let run: AuthAttempt[] = [];
  for (const a of attempts) {
    const t = Date.parse(a.event.time);
    const previous = run.at(-1);
    if (previous && t - Date.parse(previous.event.time) > WINDOW_MS) {
      if (run.length >= min) bursts.push(run);
      run = [];
    }
    run.push(a);
  }
  if (run.length >= min) bursts.push(run);
  return bursts;
}

const TITLES: Record<string, TLocalizedText> = {
  "vpn-brute-force": { ja: "VPN/SSH/SQL 認証の総当たり", en: "VPN/SSH/SQL authentication brute force" },
  "kerberos-preauth-burst": {
    ja: "Kerberos 事前認証失敗の集中",
    en: "Burst of Kerberos pre-authentication failures",
  },
  "logon-brute-force": { ja: "ログオン失敗の集中（総当たり）", en: "Burst of failed logons (brute force)" },
};

function ruleOf(burst: AuthAttempt[]): string {
  if (burst.every((a) => a.family === "kerberos")) return "kerberos-preauth-burst";
  if (burst.some((a) => a.family === "vpn" || a.family === "ssh" || a.family === "sql"))
    return "vpn-brute-force";
  return "logon-brute-force";
}

/**
 * Brute force: bursts of failed authentications from one source (MITRE ATT&CK T1110.001) on
 * Windows logons (4625, 4776), Kerberos (4771, 4768), OpenSSH, SQL Server and VPN/SSH text logs.
 * Sessions that are password spraying are reported by detectPasswordSpray instead.
 */
function findBruteForce(failures: AuthAttempt[]): TDetection[] {
  const detections: TDetection[] = [];
  for (const session of sessionsBySource(failures)) {
    if (isSpray(session)) continue;
    const exposed = session.some((a) => a.family === "vpn" || a.family === "ssh" || a.family === "sql");
    for (const burst of findBursts(session, exposed ? MIN_EXPOSED : MIN_WINDOWS)) {
      const first = burst[0] as AuthAttempt;
      const accounts = distinctAccounts(burst);
      const target = [...new Set(burst.map((a) => a.event.host || a.event.channel))].join(", ");
      const ruleId = ruleOf(burst);
      detections.push(
        makeDetection(
          ruleId,
          TITLES[ruleId] as TLocalizedText,
          {
            ja: `${target} に対し ${first.source} から ${burst.length} 回の認証失敗（${accounts.length} アカウント: ${accounts.slice(0, 10).join(", ")}）。成功したログオンがないか確認し、送信元を遮断してください。`,
            en: `${burst.length} failed authentications against ${target} from ${first.source} (${accounts.length} accounts: ${accounts.slice(0, 10).join(", ")}). Look for a later success and block the source.`,
          },
          "high",
          burst.map((a) => a.event as TTimelineEvent),
          { accounts, remoteSources: [first.source] },
        ),
      );
    }
  }
  return detections;
}

export const bruteForceRule: BuiltinRule = {
  name: "logon-brute-force",
  inputs: AUTH_INPUTS,
  start() {
    const log = new AuthAttemptLog(true);
    return { add: (e) => log.add(e), finish: () => findBruteForce(log.sorted()) };
  },
};

export const detectBruteForce = overTimeline(bruteForceRule);
