import { isPublicIp } from "../geo/ip-address";
import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byTimeAndId, overTimeline, slim } from "./builtin-rule";
import { groupBy, isWindowsEvent, makeDetection } from "./detection-helpers";

/** 4624 LogonType 10 = RemoteInteractive (RDP); 1149 = RDP user authentication succeeded. */
function isRdpLogon(e: TTimelineEvent): boolean {
  if (isWindowsEvent(e, "Security", 4624)) return e.details.LogonType === "10";
  return isWindowsEvent(e, "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational", 1149);
}

/**
 * Remote-desktop logons. RDP exposed to the Internet is the most common initial access for
 * ransomware in Japan (NPA, 令和5年におけるサイバー空間をめぐる脅威の情勢等について: VPN and
 * remote desktop account for about 8 in 10 infection routes). Logons from public addresses are
 * high severity; internal ones are kept as context for lateral movement.
 */
function findRemoteLogons(rdp: TTimelineEvent[]): TDetection[] {
  const groups = groupBy(rdp, (e) => `${e.host}|${e.user}|${e.sourceAddress}`);
  return [...groups.values()].map((events) => {
    const e = events[0] as TTimelineEvent;
    const isPublic = isPublicIp(e.sourceAddress);
    const from = e.sourceAddress || "不明 / unknown";
    return makeDetection(
      isPublic ? "rdp-logon-public" : "rdp-logon",
      isPublic
        ? { ja: "インターネットからのリモートデスクトップ接続", en: "Remote desktop logon from the Internet" }
        : { ja: "リモートデスクトップ接続", en: "Remote desktop logon" },
      {
        ja: `${e.host} に ${e.user || "不明なユーザー"} が ${from} から RDP でログオンしました（${events.length} 回）。${isPublic ? "公開アドレスからの接続は侵入経路の可能性が高いため、接続元とアカウントを確認してください。" : "内部からの接続は横展開の可能性があります。"}`,
        en: `${e.user || "An unknown user"} logged on to ${e.host} over RDP from ${from} (${events.length}×). ${isPublic ? "A public source address is a likely intrusion path: verify the source and the account." : "Internal RDP may be lateral movement."}`,
      },
      isPublic ? "high" : "low",
      events,
      { accounts: e.user ? [e.user] : [], remoteSources: e.sourceAddress ? [e.sourceAddress] : [] },
    );
  });
}

export const remoteLogonsRule: BuiltinRule = {
  name: "rdp-logon",
  inputs: {
    windows: ["Security:4624", "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational:1149"],
    textLog: false,
  },
  start() {
    // RDP logons only, without their details: the finding shows host, user, source and a count.
    const rdp: TTimelineEvent[] = [];
    return {
      add(e) {
        if (isRdpLogon(e)) rdp.push(slim(e));
      },
      finish: () => findRemoteLogons(rdp.sort(byTimeAndId)),
    };
  },
};

export const detectRemoteLogons = overTimeline(remoteLogonsRule);
