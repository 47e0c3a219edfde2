import { isPublicIp } from "../geo/ip-address";
import type { CountryLookup } from "../geo/ip-country";
import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byTimeAndId, overTimeline, slim } from "./builtin-rule";
import { groupBy, isWindowsEvent, makeDetection } from "./detection-helpers";

const HOME_COUNTRY = "JP";

/** Successful remote access: network/RDP logons (4624 type 3/10), RDP 1149, VPN/SSH successes. */
function isRemoteSuccess(e: TTimelineEvent): boolean {
  if (isWindowsEvent(e, "Security", 4624)) return e.details.LogonType === "10" || e.details.LogonType === "3";
  if (isWindowsEvent(e, "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational", 1149))
    return true;
  return e.sourceType === "text-log" && e.details.outcome === "success";
}

/**
 * Remote and VPN logons from abroad. For a Japanese organisation a successful VPN or RDP logon
 * from another country is rarely legitimate and is a common sign of stolen credentials.
 * Country data: DB-IP Lite (offline, CC BY 4.0), attribution carried in each detection.
 */
function findForeignLogons(
  abroad: Array<{ e: TTimelineEvent; country: string }>,
  countries: CountryLookup,
): TDetection[] {
  const groups = groupBy(abroad, (x) => `${x.country}|${x.e.sourceAddress}|${x.e.user}`);
  return [...groups.values()].map((items) => {
    const { e, country } = items[0] as { e: TTimelineEvent; country: string };
    return makeDetection(
      "logon-from-abroad",
      { ja: "海外からのリモートログオン", en: "Remote logon from abroad" },
      {
        ja: `${e.user || "不明なユーザー"} が国外（${country}）の ${e.sourceAddress} から ${e.host || e.channel} にログオンしました（${items.length} 回）。認証情報の漏えいを疑い、アカウントを停止して確認してください。`,
        en: `${e.user || "An unknown user"} logged on to ${e.host || e.channel} from ${e.sourceAddress} in ${country} (${items.length}×). Suspect stolen credentials: disable the account and verify.`,
      },
      "high",
      items.map((x) => x.e),
      {
        attribution: countries.attribution,
        accounts: [...new Set(items.map((x) => x.e.user).filter(Boolean))],
        remoteSources: [e.sourceAddress],
      },
    );
  });
}

export const foreignLogonsRule: BuiltinRule = {
  name: "logon-from-abroad",
  inputs: {
    windows: ["Security:4624", "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational:1149"],
    textLog: true,
  },
  start(ctx) {
    // Only successes from a public address outside Japan are kept (without their details).
    const abroad: Array<{ e: TTimelineEvent; country: string }> = [];
    const countries = ctx.countries;
    return {
      add(e) {
        if (!countries || !isRemoteSuccess(e) || !isPublicIp(e.sourceAddress)) return;
        const country = countries.lookup(e.sourceAddress);
        if (country !== null && country !== HOME_COUNTRY) abroad.push({ e: slim(e), country });
      },
      finish: () =>
        countries
          ? findForeignLogons(
              abroad.sort((a, b) => byTimeAndId(a.e, b.e)),
              countries,
            )
          : [],
    };
  },
};

export const detectForeignLogons = overTimeline(foreignLogonsRule);
