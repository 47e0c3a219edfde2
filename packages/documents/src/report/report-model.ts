import { z } from "zod";

/** Version of the open report-package format; bump on any change to the schema. */
export const REPORT_PACKAGE_VERSION = "1.1.0";
/** Versions a reader still accepts: 1.1.0 only added optional fields and relaxed required texts. */
export const READABLE_PACKAGE_VERSIONS = ["1.0.0", REPORT_PACKAGE_VERSION] as const;
/** Stable, versioned identifier of the published JSON Schema (content/report/report-package.schema.json). */
export const REPORT_PACKAGE_SCHEMA_ID = `urn:sonae:schema:report-package:${REPORT_PACKAGE_VERSION}`;
const SCHEMA_IDS = READABLE_PACKAGE_VERSIONS.map((v) => `urn:sonae:schema:report-package:${v}`) as [
  string,
  ...string[],
];

const text = (max = 2000) => z.string().trim().min(1).max(max);
const optionalText = (max = 2000) => z.string().trim().min(1).max(max).optional();
const dateTime = z.iso.datetime({ offset: true });
const tri = z.enum(["yes", "no", "unknown"]);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

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
    /**
     * Set when the value is on a warning list (well-known domain, CDN range …) and no person promoted
     * it: the value is context, listed as such and never exported as an indicator or STIX pattern.
     */
    context: z.object({ list: text(300), listDate: optionalText(40) }).optional(),
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
  /** The KEV verdict for this device (only affected / unknown travel in the package) and why. */
  verdict: z.enum(["affected", "unknown"]).optional(),
  basis: optionalText(1000),
  basisEn: optionalText(1000),
  /** The first fixed version named by the range data, when there is one. */
  fixedVersion: optionalText(100),
  /** CISA's due date for federal agencies: a yardstick of urgency, not a deadline for the organisation. */
  dueDate: z.iso.date().optional(),
  /** CWE ids with their short Japanese label (content/kev CWE table). */
  weakness: optionalText(200),
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
  lastPatchedAt: z.iso.date().optional(),
  pendingUpdates: optionalText(500),
  endOfSupport: z.iso.date().optional(),
  kevMatches: z.array(ZKevMatch).max(200),
});

export const ZAffectedTerminal = z.object({
  name: text(200),
  role: z.enum(["pc", "server", "domain-controller", "file-server", "nas", "network-device", "other"]),
  /** The account in use on it, kept apart from the host name so a sharing copy can drop both. */
  account: optionalText(200),
  os: optionalText(100),
  encrypted: tri,
  symptoms: optionalText(2000),
  isolated: tri,
  isolatedAt: dateTime.optional(),
  poweredOff: tri,
});

export const ZPreservedLog = z.object({
  name: text(500),
  source: text(200),
  sizeBytes: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  preservedAt: dateTime,
});

export const ZReportEvidenceBundle = z.object({
  fileName: text(300),
  caseId: optionalText(200),
  examiner: optionalText(200),
  sha256: sha256Hex,
  /** SHA-256 of the signed manifest.json inside the bundle. */
  manifestSha256: sha256Hex.optional(),
  sizeBytes: z.int().nonnegative(),
  fileCount: z.int().nonnegative(),
  problemCount: z.int().nonnegative(),
  signerFingerprint: text(200),
  /** Whether the signing key is one this installation knows (absent: not checked). */
  signerKnown: z.boolean().optional(),
  uploadedAt: dateTime,
  verification: z.object({ ok: z.boolean(), verifiedAt: dateTime, failureCount: z.int().nonnegative() }),
  custody: z.object({
    entries: z.int().nonnegative(),
    firstAt: dateTime.optional(),
    lastAt: dateTime.optional(),
    lastAction: optionalText(200),
    valid: z.boolean(),
  }),
});

const bilingual = z.object({ ja: text(500), en: text(500) });

/** A first-response detection from triage; Sigma ones name the rule and its author (DRL 1.1). */
export const ZReportDetection = z.object({
  title: bilingual,
  severity: z.enum(["critical", "high", "medium", "low", "info"]),
  origin: z.enum(["builtin", "sigma"]),
  firstTime: dateTime,
  lastTime: dateTime,
  hosts: z.array(text(300)).max(50),
  accounts: z.array(text(300)).max(50),
  sourceAddresses: z.array(text(100)).max(50),
  rule: z.object({
    id: text(200),
    author: optionalText(500),
    link: optionalText(1000),
    ruleSet: optionalText(300),
  }),
  bundleSha256: sha256Hex,
});

/** Node and link of the diagram as drawn (positions in the editor's units), so the PDF can draw it. */
export const ZReportDiagram = z.object({
  updatedAt: dateTime.optional(),
  nodes: z
    .array(
      z.object({
        id: text(64),
        label: z.string().max(100),
        type: z.enum(["internet", "cloud", "segment", "device", "other"]),
        x: z.number().finite(),
        y: z.number().finite(),
      }),
    )
    .max(300),
  edges: z.array(z.object({ source: text(64), target: text(64), label: z.string().max(100) })).max(1000),
});

/** The common-form send this export belongs to (共通様式: first / follow-up / final, each a version). */
export const ZCommonFormSend = z.object({
  reportNumber: optionalText(100),
  reportDate: dateTime,
  recipient: optionalText(300),
  kind: z.enum(["first", "follow-up", "final"]),
  version: z.int().positive(),
  /** Consent to share the report with the National Cybersecurity Office (NCO). */
  ncoConsent: tri,
  /** Critical-infrastructure operators: did the service fall below its defined maintenance level? */
  criticalInfrastructure: z.enum(["not-operator", "fallen-below", "not-fallen-below", "unknown"]),
  /** For a follow-up or final report: the form items that changed since the previous send. */
  changes: z
    .array(z.object({ item: text(300), before: z.string().max(5000), after: z.string().max(5000) }))
    .max(200),
});

/** The police report package: the open JSON format Sonae exports (its JSON Schema is published). */
export const ZReportPackageModel = z.object({
  $schema: z.enum(SCHEMA_IDS).optional(),
  formatVersion: z.enum(READABLE_PACKAGE_VERSIONS),
  /** A sharing copy (NISC guidance): victim-identifying data removed, technical attack data kept. */
  sharingCopy: z.boolean().optional(),
  generatedAt: dateTime,
  /** Confidentiality mark printed on every page; the police keep reports confidential (NPA notice 2025-01-31). */
  confidentiality: text(200),
  tlp: z.enum(["red", "amber", "green", "white"]),
  organisation: z.object({
    name: text(200),
    prefecture: text(20),
    prefectureEn: optionalText(40),
    industry: optionalText(100),
    industryEn: optionalText(200),
    isSme: z.boolean().optional(),
  }),
  contactPerson: z.object({
    name: text(100),
    title: optionalText(100),
    phone: optionalText(40),
    email: z.email().max(200).optional(),
    reachable24h: z.boolean(),
  }),
  incident: z.object({
    reference: text(100),
    title: text(300),
    discoveredAt: dateTime,
    firstAnomalyAt: dateTime.optional(),
    discoveredHow: optionalText(2000),
    summary: text(5000),
    businessImpact: optionalText(5000),
    personalDataInvolved: tri,
    /** Damage report (被害届) or consultation only: the police ask which the victim wants. */
    request: z.enum(["damage-report", "consultation", "undecided"]),
    familyName: optionalText(100),
  }),
  /** `eventEn` holds the English text of entries the system wrote in both languages. */
  timeline: z.array(z.object({ at: dateTime, event: text(2000), eventEn: optionalText(2000) })).max(1000),
  affectedTerminals: z.array(ZAffectedTerminal).max(5000),
  networkDiagram: z.object({
    description: optionalText(5000),
    diagram: ZReportDiagram.optional(),
    /** Files of the diagram; the SVG drawing travels inline (`content`, UTF-8) with its hash. */
    attachments: z
      .array(
        z.object({
          fileName: text(300),
          sha256: sha256Hex,
          mediaType: optionalText(100),
          content: z.string().max(2_000_000).optional(),
        }),
      )
      .max(50),
  }),
  internetFacingDevices: z.array(ZReportDevice).max(500),
  preservedLogs: z
    .object({ manifestSha256: z.string().regex(/^[0-9a-f]{64}$/), items: z.array(ZPreservedLog) })
    .optional(),
  evidenceBundles: z.array(ZReportEvidenceBundle).max(200).optional(),
  detections: z.array(ZReportDetection).max(2000).optional(),
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
    .array(
      z.object({
        to: text(200),
        toEn: optionalText(200),
        at: dateTime,
        reference: optionalText(200),
        officer: optionalText(200),
      }),
    )
    .max(100),
  commonForm: ZCommonFormSend.optional(),
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
  sourceNotes: z.array(z.object({ label: text(200), labelEn: optionalText(200), value: text(500) })).max(50),
});
export type TReportPackageModel = z.infer<typeof ZReportPackageModel>;
export type TReportPackageInput = z.input<typeof ZReportPackageModel>;

/** Validates an untrusted report package; throws a ZodError naming every bad field. */
export function parseReportPackage(input: unknown): TReportPackageModel {
  return ZReportPackageModel.parse(input);
}
