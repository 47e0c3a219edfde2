import type { EventFields } from "../evtx/evtx-fields";
import { labelWindowsEvent } from "./event-labels";
import { formatJst } from "./format-jst";
import type { TTimelineEvent } from "./timeline-event";

const EMPTY = new Set(["", "-", "::1", "127.0.0.1", "localhost"]);

function first(data: Record<string, string>, keys: string[]): string {
  for (const k of keys) {
    const v = data[k];
    if (v !== undefined && !EMPTY.has(v.trim())) return v.trim();
  }
  return "";
}

/** Normalises EVTX times (7 fractional digits) to millisecond ISO with `Z`. */
export function normaliseUtc(time: string): string {
  const ms = Date.parse(time.endsWith("Z") ? time : `${time}Z`);
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}

/**
 * Maps a decoded Windows event to the timeline shape. User and source address come from the
 * fields each event family uses: Security (TargetUserName / IpAddress), Sysmon (User /
 * SourceIp), RDP 1149 (UserData Param1 / Param3), RdpCoreTS (ClientIP).
 */
export function toTimelineEvent(fields: EventFields, source: string, fallbackTime: string): TTimelineEvent {
  const d = fields.data;
  const targetUser = first(d, [
    "TargetUserName",
    "User",
    "Param1",
    "UserName",
    "AccountName",
    "SubjectUserName",
    "Detection User",
  ]);
  const domain = first(d, ["TargetDomainName", "Param2"]);
  const user = targetUser && domain && !targetUser.includes("\\") ? `${domain}\\${targetUser}` : targetUser;
  let address = first(d, [
    "IpAddress",
    "SourceAddress",
    "SourceIp",
    "ClientAddress",
    "Param3",
    "Address",
    "ClientIP",
    "SourceNetworkAddress",
    "Workstation",
  ]);
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  if (address.startsWith("::ffff:")) address = address.slice(7);
  const time = normaliseUtc(fields.timeCreated || fallbackTime);
  return {
    id: `${source}#${fields.recordId}`,
    time,
    timeJst: formatJst(time),
    host: fields.computer,
    source,
    sourceType: "evtx",
    channel: fields.channel,
    eventId: fields.eventId,
    event: labelWindowsEvent(fields.channel, fields.eventId, fields.provider),
    user,
    sourceAddress: address,
    details: { Provider: fields.provider, ...d },
  };
}
