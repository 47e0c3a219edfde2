import type { TTimelineEvent } from "../timeline/timeline-event";
import type { SigmaEventView, SigmaRule } from "./sigma-rule";

/**
 * Windows field mapping (pySigma "windows" and "windows-audit" pipelines): Sigma's
 * process_creation fields are Sysmon 1 names; Security 4688 carries them under other names.
 */
const AUDIT_4688: Record<string, string> = {
  Image: "NewProcessName",
  ParentImage: "ParentProcessName",
  ProcessId: "NewProcessId",
  ParentProcessId: "ProcessId",
  IntegrityLevel: "MandatoryLabel",
  LogonId: "SubjectLogonId",
  User: "SubjectUserName",
};

const SYSMON = "Microsoft-Windows-Sysmon/Operational";

/** Whether a rule's logsource covers the event (product windows; categories/services we evaluate). */
export function isRuleApplicable(rule: SigmaRule, e: TTimelineEvent): boolean {
  if (e.sourceType !== "evtx") return false;
  const { product, category, service } = rule.logsource;
  if (product && product !== "windows") return false;
  if (category === "process_creation")
    return (e.channel === SYSMON && e.eventId === 1) || (e.channel === "Security" && e.eventId === 4688);
  if (category) return false;
  if (service === "security") return e.channel === "Security";
  if (service === "system") return e.channel === "System";
  if (service === "sysmon") return e.channel === SYSMON;
  return false;
}

/** True when at least one event kind can reach the rule (rules for other logsources are skipped). */
export function isRuleSupported(rule: SigmaRule): boolean {
  const { product, category, service } = rule.logsource;
  if (product && product !== "windows") return false;
  return (
    category === "process_creation" ||
    (!category && (service === "security" || service === "system" || service === "sysmon"))
  );
}

/** Field view of a timeline event for Sigma, with the 4688 mapping applied. */
export function toSigmaView(e: TTimelineEvent): SigmaEventView {
  const is4688 = e.channel === "Security" && e.eventId === 4688;
  const get = (field: string): string | undefined => {
    if (field === "EventID") return e.eventId === null ? undefined : String(e.eventId);
    if (field === "Channel") return e.channel;
    if (field === "Computer") return e.host;
    if (field === "Provider_Name") return e.details.Provider;
    const mapped = is4688 ? (AUDIT_4688[field] ?? field) : field;
    return e.details[mapped];
  };
  // Over a thousand rules read the same few fields (Image, CommandLine): lower-case them once.
  const lowered = new Map<string, string | undefined>();
  return {
    get,
    lower(field) {
      if (lowered.has(field)) return lowered.get(field);
      const value = get(field)?.toLowerCase();
      lowered.set(field, value);
      return value;
    },
    values: () => Object.values(e.details),
  };
}
