import { z } from "zod";

/** Version of the open report-package format; bump on any change to the schema. */
export const REPORT_PACKAGE_VERSION = "1.0.0";
/** Stable, versioned identifier of the published JSON Schema (content/report/report-package.schema.json). */
export const REPORT_PACKAGE_SCHEMA_ID = `urn:sonae:schema:report-package:${REPORT_PACKAGE_VERSION}`;

const text = (max = 2000) => z.string().trim().min(1).max(max);
const optionalText = (max = 2000) => z.string().trim().min(1).max(max).optional();
const dateTime = z.iso.datetime({ offset: true });
const tri = z.enum(["yes", "no", "unknown"]);

/** Indicator kinds accepted from the extractor in packages/core (values already normalised there). */
export const REPORT_INDICATOR_KINDS = [
  "ipv4",
  "ipv6",
  "domain",
  "url",
  "md5",
  "sha1",
  "sha256",
  "email",
  "btc",
  "xmr",
  "eth",
  "onion",
  "tox",
] as const;

export const ZReportIndicator = z
  .object({
    kind: z.enum(REPORT_INDICATOR_KINDS),
    value: text(2000),
    note: optionalText(500),
  })
  // A URL without a scheme cannot become a STIX url object (its value must be a URI).
  .refine((i) => i.kind !== "url" || /^[a-z][a-z0-9+.-]*:\/\//i.test(i.value), {
    message: "url indicators need a scheme (e.g. http://)",
    path: ["value"],
  });

export const ZKevMatch = z.object({
  cveId: z.string().regex(/^CVE-\d{4}-\d{4,}$/),
  vulnerabilityName: optionalText(500),
  dateAdded: z.iso.date().optional(),
  knownRansomwareCampaignUse: z.enum(["Known", "Unknown"]).optional(),
});

export const ZReportDevice = z.object({
  name: text(100),
  type: text(50),
  vendor: optionalText(100),
  product: optionalText(100),
  version: optionalText(100),
  usage: optionalText(500),
  patchState: z.enum(["up-to-date", "outdated", "unknown"]),
  patchNote: optionalText(500),
  kevMatches: z.array(ZKevMatch).max(200),
});

export const ZAffectedTerminal = z.object({
  name: text(200),
  role: z.enum(["pc", "server", "domain-controller", "file-server", "nas", "network-device", "other"]),
  os: optionalText(100),
  encrypted: tri,
  symptoms: text(2000),
  isolated: tri,
  poweredOff: tri,
});

export const ZPreservedLog = z.object({
  name: text(500),
  source: text(200),
  sizeBytes: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  preservedAt: dateTime,
});

/** The police report package: the open JSON format Sonae exports (its JSON Schema is published). */
export const ZReportPackageModel = z.object({
  $schema: z.literal(REPORT_PACKAGE_SCHEMA_ID).optional(),
  formatVersion: z.literal(REPORT_PACKAGE_VERSION),
  generatedAt: dateTime,
  /** Confidentiality mark printed on every page; the police keep reports confidential (NPA notice 2025-01-31). */
  confidentiality: text(200),
  tlp: z.enum(["red", "amber", "green", "white"]),
  organisation: z.object({
    name: text(200),
    prefecture: text(20),
    industry: optionalText(100),
    isSme: z.boolean().optional(),
  }),
  contactPerson: z.object({
    name: text(100),
    title: optionalText(100),
    phone: text(40),
    email: z.email().max(200).optional(),
    reachable24h: z.boolean(),
  }),
  incident: z.object({
    reference: text(100),
    title: text(300),
    discoveredAt: dateTime,
    firstAnomalyAt: dateTime.optional(),
    discoveredHow: text(2000),
    summary: text(5000),
    businessImpact: optionalText(5000),
    personalDataInvolved: tri,
    /** Damage report (被害届) or consultation only: the police ask which the victim wants. */
    request: z.enum(["damage-report", "consultation", "undecided"]),
    familyName: optionalText(100),
  }),
  timeline: z.array(z.object({ at: dateTime, event: text(2000) })).max(1000),
  affectedTerminals: z.array(ZAffectedTerminal).max(5000),
  networkDiagram: z.object({
    description: text(5000),
    attachments: z
      .array(z.object({ fileName: text(300), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
      .max(50),
  }),
  internetFacingDevices: z.array(ZReportDevice).max(500),
  preservedLogs: z
    .object({ manifestSha256: z.string().regex(/^[0-9a-f]{64}$/), items: z.array(ZPreservedLog) })
    .optional(),
  ransom: z.object({
    encrypted: tri,
    leakThreatened: tri,
    demanded: tri,
    noteText: optionalText(100_000),
    noteFileName: optionalText(300),
    encryptedExtension: optionalText(100),
    amount: optionalText(100),
    deadline: optionalText(100),
    paid: z.enum(["no", "yes", "undecided"]),
  }),
  intrusion: z.object({
    method: z.enum([
      "vpn-vulnerability",
      "vpn-credentials",
      "rdp",
      "phishing",
      "other-vulnerability",
      "other",
      "unknown",
    ]),
    detail: optionalText(5000),
  }),
  indicators: z.array(ZReportIndicator).max(10_000),
  /**
   * Values found with the indicators but on a warning list (public resolvers, CDNs, popular sites, …):
   * context for the reader, never an indicator or STIX pattern. Each names the lists and their dates.
   */
  indicatorContext: z
    .array(
      z.object({
        kind: z.enum(REPORT_INDICATOR_KINDS),
        value: text(2000),
        lists: z
          .array(z.object({ name: text(300), date: z.iso.date() }))
          .min(1)
          .max(50),
      }),
    )
    .max(10_000)
    .optional(),
  actionsTaken: z.array(z.object({ at: dateTime.optional(), action: text(2000) })).max(1000),
  otherNotifications: z
    .array(z.object({ to: text(200), at: dateTime, reference: optionalText(200) }))
    .max(100),
  /** Optional DDoS common-form fields (DDoS攻撃事案共通様式). */
  ddos: z
    .object({
      attackType: z.enum(["network-flood", "reflection-amplification", "endpoint-exhaustion", "other"]),
      peakGbps: z.number().nonnegative().optional(),
      peakPps: z.number().nonnegative().optional(),
      durationMinutes: z.number().nonnegative().optional(),
      mitigation: optionalText(2000),
      impact: optionalText(2000),
    })
    .optional(),
  /** Where reference data came from, e.g. the KEV catalogue version and date. */
  sourceNotes: z.array(z.object({ label: text(200), value: text(500) })).max(50),
});
export type TReportPackageModel = z.infer<typeof ZReportPackageModel>;
export type TReportPackageInput = z.input<typeof ZReportPackageModel>;

/** Validates an untrusted report package; throws a ZodError naming every bad field. */
export function parseReportPackage(input: unknown): TReportPackageModel {
  return ZReportPackageModel.parse(input);
}
