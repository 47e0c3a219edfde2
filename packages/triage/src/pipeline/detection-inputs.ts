import type { TTimelineEvent } from "../timeline/timeline-event";

/**
 * Windows events the built-in first-response rules read, by channel. The pipeline keeps only
 * these (and text-log authentications) for the built-in rules, so memory does not grow with the
 * rest of the input. A rule that reads another event must add it here.
 */
const INPUTS: Record<string, number[]> = {
  Security: [
    1102, 4624, 4625, 4648, 4662, 4688, 4697, 4698, 4720, 4728, 4732, 4756, 4769, 4771, 4776, 4719, 4740,
  ],
  System: [104, 7034, 7035, 7036, 7040, 7045],
  "Microsoft-Windows-Sysmon/Operational": [1, 11],
  "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational": [1149],
  "Microsoft-Windows-TerminalServices-LocalSessionManager/Operational": [21, 22, 24, 25],
  "Microsoft-Windows-TaskScheduler/Operational": [106, 140, 141, 200],
  "Microsoft-Windows-Windows Defender/Operational": [1116, 1117, 5001, 5007, 5010, 5012, 5013],
  "Microsoft-Windows-WinRM/Operational": [91, 6],
  "Microsoft-Windows-WMI-Activity/Operational": [5857, 5860, 5861],
  "Microsoft-Windows-Eventlog": [104],
};

const LOOKUP = new Map(Object.entries(INPUTS).map(([channel, ids]) => [channel, new Set(ids)]));

/**
 * True for an event some built-in rule may read. Every text-log line is an authentication or VPN event.
 *
 * For now every event is passed on: the first-response catalogue (content/triage/detections.yaml and
 * the coded rules) reads more events than INPUTS lists (PowerShell 4104, Kerberos 4768, privilege use,
 * RdpCoreTS, …), and a rule that silently never sees its event is worse than memory that grows.
 * `isListedDetectionInput` is the narrowed filter, to be used once INPUTS is derived from the
 * catalogue itself.
 */
export function isDetectionInput(_e: TTimelineEvent): boolean {
  return true;
}

/** The narrowed filter by INPUTS (see isDetectionInput for why it is not used yet). */
export function isListedDetectionInput(e: TTimelineEvent): boolean {
  if (e.sourceType === "text-log") return true;
  return e.eventId !== null && (LOOKUP.get(e.channel)?.has(e.eventId) ?? false);
}
