import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byTimeAndId, overTimeline, slim } from "./builtin-rule";
import { isWindowsEvent, makeDetection } from "./detection-helpers";

/** Night in Japan (JST = UTC+9, no daylight saving): 0:00–4:59, when staff rarely log on. */
const NIGHT_START_HOUR_JST = 0;
const NIGHT_END_HOUR_JST = 5;
/** An account that logs on at night often (shift work, batch jobs) is not odd: at most this share. */
const MAX_NIGHT_SHARE = 0.2;

/** Interactive, RDP and VPN successes by people (machine and service accounts left out). */
function isPersonLogon(e: TTimelineEvent): boolean {
  if (e.user.endsWith("$") || /^(nt authority|window manager|font driver host)\\/i.test(e.user)) return false;
  if (isWindowsEvent(e, "Security", 4624)) return ["2", "10", "11"].includes(e.details.LogonType ?? "");
  return e.sourceType === "text-log" && e.details.outcome === "success" && e.user !== "";
}

function isNightJst(time: string): boolean {
  const hour = (new Date(time).getUTCHours() + 9) % 24;
  return hour >= NIGHT_START_HOUR_JST && hour < NIGHT_END_HOUR_JST;
}

/**
 * Logons at odd hours for the account: interactive, RDP or VPN logons in the Japanese night by an
 * account that is otherwise seen by day. Stolen credentials are often used when no one watches
 * (MITRE ATT&CK T1078). One finding per account.
 */
export const oddHourLogonsRule: BuiltinRule = {
  name: "odd-hour-logon",
  inputs: { windows: ["Security:4624"], textLog: true },
  start() {
    // Per account: a count of its logons and its night logons (slimmed); day logons are only counted.
    const accounts = new Map<string, { logons: number; night: TTimelineEvent[] }>();
    return {
      add(e) {
        if (!isPersonLogon(e)) return;
        const key = e.user.toLowerCase();
        let account = accounts.get(key);
        if (!account) {
          account = { logons: 0, night: [] };
          accounts.set(key, account);
        }
        account.logons++;
        if (isNightJst(e.time)) account.night.push(slim(e));
      },
      finish() {
        const detections: TDetection[] = [];
        for (const [user, { logons: count, night }] of accounts) {
          if (night.length === 0 || night.length / count > MAX_NIGHT_SHARE) continue;
          night.sort(byTimeAndId);
          const e = night[0] as TTimelineEvent;
          detections.push(
            makeDetection(
              "odd-hour-logon",
              { ja: "深夜帯のログオン", en: "Logon at an odd hour" },
              {
                ja: `${e.user || user} が日本時間の深夜（${e.timeJst}）に ${e.host || e.channel} へログオンしました（深夜 ${night.length} 回 / 全 ${count} 回）。普段と異なる時間帯の利用は認証情報の不正利用の兆候です。本人に確認してください。`,
                en: `${e.user || user} logged on to ${e.host || e.channel} at night in Japan (${e.timeJst}; ${night.length} of ${count} logons). Use outside the account's usual hours suggests stolen credentials: check with the person.`,
              },
              "medium",
              night,
              {
                accounts: [e.user],
                remoteSources: [...new Set(night.map((x) => x.sourceAddress).filter(Boolean))],
              },
            ),
          );
        }
        return detections;
      },
    };
  },
};

export const detectOddHourLogons = overTimeline(oddHourLogonsRule);
