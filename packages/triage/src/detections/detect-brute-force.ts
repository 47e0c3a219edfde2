import type { TTimelineEvent } from "../timeline/timeline-event";
import { type DetectionRule, groupBy, isWindowsEvent, makeDetection } from "./detection-helpers";

/** A burst: at least `min` failures within `windowMs`. Thresholds follow common SIEM defaults. */
const WINDOW_MS = 5 * 60 * 1000;
const MIN_WINDOWS = 10;
const MIN_VPN = 5;

function isAuthFailure(e: TTimelineEvent): boolean {
  if (isWindowsEvent(e, "Security", 4625)) return true;
  return e.sourceType === "text-log" && e.details.outcome === "failure";
}

/** Finds the densest window of each group; returns the events of bursts at or above `min`. */
function findBursts(events: TTimelineEvent[], min: number): TTimelineEvent[][] {
  const times = events.map((e) => Date.parse(e.time));
  const bursts: TTimelineEvent[][] = [];
  let start = 0;
  let burstStart = -1;
  for (let end = 0; end < events.length; end++) {
    while ((times[end] as number) - (times[start] as number) > WINDOW_MS) start++;
    if (end - start + 1 >= min && burstStart < 0) burstStart = start;
    const next = times[end + 1];
    const closes = next === undefined || next - (times[end] as number) > WINDOW_MS;
    if (burstStart >= 0 && closes) {
      bursts.push(events.slice(burstStart, end + 1));
      burstStart = -1;
    }
  }
  return bursts;
}

/**
 * Brute force and password spraying: bursts of failed logons (4625) or failed VPN / SSH
 * authentications from one source (MITRE ATT&CK T1110). VPN appliances are the leading
 * ransomware entry point in Japan, so the VPN threshold is lower.
 */
export const detectBruteForce: DetectionRule = (ctx) => {
  const failures = ctx.events.filter(isAuthFailure);
  const groups = groupBy(failures, (e) => `${e.sourceType}|${e.channel}|${e.sourceAddress || e.host}`);
  const detections = [];
  for (const events of groups.values()) {
    const isVpn = events[0]?.sourceType === "text-log";
    for (const burst of findBursts(events, isVpn ? MIN_VPN : MIN_WINDOWS)) {
      const first = burst[0] as TTimelineEvent;
      const users = new Set(burst.map((e) => e.user).filter(Boolean));
      const target = isVpn ? `${first.channel} (${first.host || first.source})` : first.host;
      detections.push(
        makeDetection(
          isVpn ? "vpn-brute-force" : "logon-brute-force",
          {
            ja: isVpn ? "VPN/SSH 認証の総当たり" : "ログオン失敗の集中（総当たり）",
            en: isVpn ? "VPN/SSH authentication brute force" : "Burst of failed logons (brute force)",
          },
          {
            ja: `${target} に対し ${first.sourceAddress || "不明な送信元"} から ${burst.length} 回の認証失敗（${users.size} アカウント）。${users.size > 5 ? "多数のアカウントを試すパスワードスプレー攻撃の可能性があります。" : ""}成功したログオンがないか確認し、送信元を遮断してください。`,
            en: `${burst.length} failed authentications against ${target} from ${first.sourceAddress || "an unknown source"} (${users.size} accounts). ${users.size > 5 ? "Many accounts suggests password spraying. " : ""}Check for a later success and block the source.`,
          },
          "high",
          burst,
        ),
      );
    }
  }
  return detections;
};
