import { z } from "zod";
import { ZHubCategory, ZHubReportKind, ZHubStatus } from "./hub-contracts";

const ZDay = z.iso.date();

/** Period of a statistics query: calendar days in Japan time, both ends included. */
export const ZHubStatsQuery = z.object({ from: ZDay, to: ZDay });
export type THubStatsQuery = z.infer<typeof ZHubStatsQuery>;

const ZCount = <T extends z.ZodType>(key: T) => z.array(z.object({ key, count: z.int() }));

/**
 * Statistics over the reports a unit may see (its own and those shared to it; all for the
 * national unit). Only routing metadata is counted: nothing is decrypted to build them.
 */
export const ZHubStats = z.object({
  from: ZDay,
  to: ZDay,
  scope: z.enum(["national", "unit"]),
  unitId: z.int(),
  total: z.int(),
  bySource: ZCount(z.enum(["organisation", "public"])),
  byKind: ZCount(ZHubReportKind),
  /** null = not yet classified by an officer. */
  byCategory: ZCount(ZHubCategory.nullable()),
  byStatus: ZCount(ZHubStatus),
  byUnit: ZCount(z.int()),
  /** Reports received per month (YYYY-MM, Japan time). */
  byMonth: ZCount(z.string()),
  acknowledgement: z.object({
    acknowledged: z.int(),
    withinSla: z.int(),
    /** Median minutes from receipt to acknowledgement, null when nothing was acknowledged. */
    medianMinutes: z.number().nullable(),
    /** Not yet acknowledged and already past the acknowledgement due time. */
    overdueNow: z.int(),
  }),
  generatedAt: z.string(),
});
export type THubStats = z.infer<typeof ZHubStats>;

export const HUB_ADVISORY_SEVERITIES = ["info", "warning", "critical"] as const;

/**
 * An advisory (注意喚起) published by a police unit: a warning about an active campaign, an
 * exploited device, a decryptor that became available. Public by nature: organisations' Sonae
 * instances and anyone can read the published ones.
 */
export const ZHubAdvisoryInput = z.object({
  severity: z.enum(HUB_ADVISORY_SEVERITIES),
  titleJa: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().max(200).default(""),
  bodyJa: z.string().trim().min(1).max(10_000),
  bodyEn: z.string().trim().max(10_000).default(""),
  /** JIS X 0401 code of the prefecture it is for; null = nationwide (national unit only). */
  prefectureCode: z
    .string()
    .regex(/^(0[1-9]|[1-3]\d|4[0-7])$/)
    .nullable(),
  /** Where to read more: an official page (https only). Shown as text with its address. */
  sourceUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullable()
    .default(null),
});
export type THubAdvisoryInput = z.input<typeof ZHubAdvisoryInput>;

export const ZHubAdvisory = z.object({
  id: z.string(),
  severity: z.enum(HUB_ADVISORY_SEVERITIES),
  titleJa: z.string(),
  titleEn: z.string(),
  bodyJa: z.string(),
  bodyEn: z.string(),
  prefectureCode: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  issuedBy: z.object({ unitId: z.int(), nameJa: z.string(), nameEn: z.string() }),
  publishedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type THubAdvisory = z.infer<typeof ZHubAdvisory>;

/** Advisories as an organisation's instance shows them: with where and when they were fetched. */
export const ZHubAdvisoryFeed = z.object({
  hubUrl: z.string(),
  fetchedAt: z.string(),
  advisories: z.array(ZHubAdvisory),
});
export type THubAdvisoryFeed = z.infer<typeof ZHubAdvisoryFeed>;
