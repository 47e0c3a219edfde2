import { z } from "zod";

/** What the organisation saw (wizard step 1, 「何が起きましたか」). */
export const INCIDENT_SYMPTOMS = [
  "files_encrypted",
  "ransom_note",
  "unknown_logins",
  "data_leak_claim",
  "service_down",
  "account_takeover",
  "phishing",
] as const;
export const ZIncidentSymptom = z.enum(INCIDENT_SYMPTOMS);
export type TIncidentSymptom = z.infer<typeof ZIncidentSymptom>;

export const ZTri = z.enum(["yes", "no", "unknown"]);
export const ZIncidentStatus = z.enum(["draft", "open", "closed"]);
export const ZWizardStep = z.enum(["what", "when", "terminals", "review"]);
export const ZTerminalRole = z.enum([
  "pc",
  "server",
  "domain-controller",
  "file-server",
  "nas",
  "network-device",
  "other",
]);
export const ZPowerState = z.enum(["on", "off", "unknown"]);
export const ZPoliceRequest = z.enum(["damage-report", "consultation", "undecided"]);
export const ZIntrusionMethod = z.enum([
  "vpn-vulnerability",
  "vpn-credentials",
  "rdp",
  "phishing",
  "other-vulnerability",
  "other",
  "unknown",
]);

/** Consent, critical-infrastructure level and DDoS details the common forms (共通様式, 2025-10-01) ask for. */
export const ZCriticalInfrastructure = z.enum([
  "not-operator",
  "fallen-below",
  "not-fallen-below",
  "unknown",
]);
/** DDoS attack types aligned with MITRE ATT&CK: T1498.001, T1498.002 and T1499. */
export const ZDdosAttackType = z.enum([
  "network-flood",
  "reflection-amplification",
  "endpoint-exhaustion",
  "other",
]);
export const ZIncidentDdos = z.object({
  attackType: ZDdosAttackType,
  peakGbps: z.number().nonnegative().max(1_000_000).nullable().default(null),
  peakPps: z.number().nonnegative().max(1e12).nullable().default(null),
  durationMinutes: z.number().nonnegative().max(1_000_000).nullable().default(null),
  mitigation: z.string().trim().max(2000).nullable().default(null),
  impact: z.string().trim().max(2000).nullable().default(null),
});
export type TIncidentDdos = z.infer<typeof ZIncidentDdos>;

const optText = (max: number) => z.string().trim().max(max).nullable().default(null);
const optTime = z.iso.datetime({ offset: true }).nullable().default(null);

/** An affected terminal as the police ask about it: encrypted? isolated when? powered? */
export const ZIncidentTerminal = z.object({
  host: z.string().trim().min(1).max(200),
  userName: optText(200),
  os: optText(100),
  role: ZTerminalRole.default("pc"),
  encrypted: ZTri.default("unknown"),
  symptoms: optText(2000),
  isolatedAt: optTime,
  powerState: ZPowerState.default("unknown"),
});
export type TIncidentTerminal = z.infer<typeof ZIncidentTerminal>;

export const ZCreateIncidentRequest = z.object({
  symptoms: z.array(ZIncidentSymptom).max(INCIDENT_SYMPTOMS.length).default([]),
  title: z.string().trim().max(300).optional(),
});
export type TCreateIncidentRequest = z.input<typeof ZCreateIncidentRequest>;

/** A wizard step or an edit of the incident: every field optional, only what is sent changes. */
export const ZUpdateIncidentRequest = z
  .object({
    title: z.string().trim().min(1).max(300),
    status: ZIncidentStatus,
    wizardStep: ZWizardStep,
    symptoms: z.array(ZIncidentSymptom).max(INCIDENT_SYMPTOMS.length),
    discoveredAt: z.iso.datetime({ offset: true }).nullable(),
    discoveredBy: z.string().trim().max(200).nullable(),
    discoveredHow: z.string().trim().max(2000).nullable(),
    learnedAt: z.iso.datetime({ offset: true }).nullable(),
    firstAnomalyAt: z.iso.datetime({ offset: true }).nullable(),
    summary: z.string().trim().max(5000).nullable(),
    businessImpact: z.string().trim().max(5000).nullable(),
    personalData: ZTri,
    request: ZPoliceRequest,
    intrusionMethod: ZIntrusionMethod,
    intrusionDetail: z.string().trim().max(5000).nullable(),
    terminals: z.array(ZIncidentTerminal).max(500),
    ncoConsent: ZTri,
    criticalInfrastructure: ZCriticalInfrastructure,
    ddos: ZIncidentDdos.nullable(),
  })
  .partial();
export type TUpdateIncidentRequest = z.input<typeof ZUpdateIncidentRequest>;

export const ZIncidentSummary = z.object({
  id: z.string(),
  reference: z.string(),
  status: ZIncidentStatus,
  title: z.string(),
  symptoms: z.array(ZIncidentSymptom),
  discoveredAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TIncidentSummary = z.infer<typeof ZIncidentSummary>;
export const ZIncidentListResponse = z.object({ incidents: z.array(ZIncidentSummary) });

export const ZIncidentIdParams = z.object({ id: z.uuid() });

/**
 * Whether the symptoms suggest an unauthorised purpose (施行規則 第7条第3号): unauthorised access,
 * ransomware, extortion, account takeover and phishing (personal data obtained by deceit) all do; only a
 * service outage alone does not. It is the suggested answer; the person answers the question.
 */
export function impliesUnauthorisedPurpose(symptoms: readonly TIncidentSymptom[]): boolean {
  return symptoms.some((s) => s !== "service_down");
}

/** Ransomware when files are encrypted or a ransom note was left (a leak claim alone may be extortion only). */
export function isRansomware(symptoms: readonly TIncidentSymptom[]): boolean {
  return symptoms.includes("files_encrypted") || symptoms.includes("ransom_note");
}
