import { z } from "zod";

/** Phishing and fake-site URLs (issue 17): contracts shared by the hub server and web. */

/** What the public form asks a fraud reporter to pick (typed report kinds). */
export const FRAUD_REPORT_KINDS = [
  "phishing_email_sms",
  "fake_shop",
  "support_scam",
  "sns_investment_romance",
  "securities_takeover",
  "other",
] as const;
export const ZFraudReportKind = z.enum(FRAUD_REPORT_KINDS);
export type TFraudReportKind = z.infer<typeof ZFraudReportKind>;

/** A URL as typed by someone outside: bounded before any parsing. */
export const ZRawUrl = z.string().trim().min(1).max(2048);

/** The fraud part of a public report: the URLs, who sent the lure, which brand it claimed to be. */
export const ZPublicFraudDetails = z.object({
  kind: ZFraudReportKind,
  urls: z.array(ZRawUrl).max(20).default([]),
  sender: z.string().trim().max(300).optional(),
  brand: z.string().trim().max(100).optional(),
});
export type TPublicFraudDetails = z.infer<typeof ZPublicFraudDetails>;

export const PHISH_STATES = ["candidate", "confirmed", "benign", "unreachable"] as const;
export const PHISH_CATEGORIES = ["phishing", "fake_shop", "support_scam", "other"] as const;
export const ZPhishState = z.enum(PHISH_STATES);
export const ZPhishCategory = z.enum(PHISH_CATEGORIES);
export type TPhishState = z.infer<typeof ZPhishState>;
export type TPhishCategory = z.infer<typeof ZPhishCategory>;

const ZText = z.object({ ja: z.string(), en: z.string() });

/** The offline assistant's proposal (from @sonae/urls), with its reasons. */
export const ZPhishProposal = z.object({
  verdict: z.enum(["phishing", "fake_shop", "support_scam", "benign", "unknown"]),
  brand: z.object({ id: z.string(), name: ZText, confidence: z.number() }).nullable(),
  reasons: z.array(ZText),
});
export type TPhishProposal = z.infer<typeof ZPhishProposal>;

export const ZPhishUrl = z.object({
  id: z.int(),
  canonical: z.string(),
  host: z.string(),
  hostUnicode: z.string(),
  registrableDomain: z.string().nullable(),
  ip: z.string().nullable(),
  flags: z.array(z.string()),
  warningListed: z.boolean(),
  state: ZPhishState,
  category: ZPhishCategory.nullable(),
  brandId: z.string().nullable(),
  discoveredVia: z.string().nullable(),
  verdict: z.object({ by: z.string().nullable(), reason: z.string().nullable(), at: z.string() }).nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  sightingCount: z.int(),
});
export type TPhishUrl = z.infer<typeof ZPhishUrl>;

export const ZPhishUrlQuery = z.object({
  state: ZPhishState.optional(),
  category: ZPhishCategory.optional(),
  brand: z.string().max(100).optional(),
  q: z.string().trim().max(2048).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TPhishUrlQuery = z.infer<typeof ZPhishUrlQuery>;

export const ZPhishUrlPage = z.object({ items: z.array(ZPhishUrl), nextCursor: z.int().nullable() });

export const ZUrlSighting = z.object({
  id: z.int(),
  source: z.enum(["partner", "public", "case"]),
  unitId: z.int(),
  partnerName: z.string().nullable(),
  reportId: z.string().nullable(),
  sourceRef: z.string().nullable(),
  rawInput: z.string().nullable(),
  brandHint: z.string().nullable(),
  seenAt: z.string(),
});

export const ZPassiveDnsRecord = z.object({
  rrname: z.string().trim().min(1).max(253),
  rrtype: z.enum(["A", "AAAA", "CNAME", "NS"]),
  rdata: z.string().trim().min(1).max(253),
  time_first: z.coerce.date(),
  time_last: z.coerce.date(),
  count: z.int().min(1).max(2_000_000_000).default(1),
});
export type TPassiveDnsRecord = z.infer<typeof ZPassiveDnsRecord>;

export const ZPhishCluster = z.object({
  sameHost: z.array(ZPhishUrl),
  sameDomain: z.array(ZPhishUrl),
  sameIp: z.array(ZPhishUrl),
  /** Hosts seen on the URL's IP in passive DNS that have no URL record yet. */
  ipNeighbours: z.array(z.object({ rrname: z.string(), source: z.string(), timeLast: z.string() })),
  /** Why the IP is (not) used to list by address: shared hosting, warning list, no IP. */
  ipListing: z.object({ allowed: z.boolean(), reason: ZText, domainsOnIp: z.int() }),
});

export const ZPhishUrlDetail = z.object({
  url: ZPhishUrl,
  sightings: z.array(ZUrlSighting),
  /** Sightings the actor's unit may not see individually (other prefectures' reports). */
  otherSightings: z.int(),
  cluster: ZPhishCluster,
  proposal: ZPhishProposal,
  context: z.array(z.object({ listId: z.string(), listName: z.string() })),
});
export type TPhishUrlDetail = z.infer<typeof ZPhishUrlDetail>;

export const ZJudgeUrl = z.object({
  state: z.enum(["confirmed", "benign", "unreachable"]),
  category: ZPhishCategory.optional(),
  brandId: z.string().trim().max(100).optional(),
  reason: z.string().trim().min(1).max(2000),
});
export type TJudgeUrl = z.infer<typeof ZJudgeUrl>;

export const ZAddCaseUrls = z.object({ urls: z.array(ZRawUrl).min(1).max(200) });

/** One line's outcome in a batch (partner API, case URLs): partial failure is the normal case. */
export const ZUrlLineResult = z.object({
  line: z.int(),
  ok: z.boolean(),
  canonical: z.string().optional(),
  created: z.boolean().optional(),
  error: z.object({ code: z.string(), message: ZText }).optional(),
});
export const ZUrlBatchResult = z.object({
  accepted: z.int(),
  created: z.int(),
  rejected: z.int(),
  passiveDns: z.int().default(0),
  lines: z.array(ZUrlLineResult),
});
export type TUrlBatchResult = z.infer<typeof ZUrlBatchResult>;

export const ZUrlPartnerInput = z.object({
  name: z.string().trim().min(1).max(200),
  unitId: z.int().min(0).max(47).optional(),
  canSubmit: z.boolean().default(false),
  dailyQuota: z.int().min(0).max(10_000_000).default(100_000),
  feeds: z.array(z.string().max(50)).max(20).default([]),
});
export const ZUrlPartner = z.object({
  id: z.string(),
  unitId: z.int(),
  name: z.string(),
  canSubmit: z.boolean(),
  dailyQuota: z.int(),
  feeds: z.array(z.string()),
  active: z.boolean(),
  tokens: z.array(
    z.object({ id: z.string(), prefix: z.string(), createdAt: z.string(), revoked: z.boolean() }),
  ),
});
export type TUrlPartner = z.infer<typeof ZUrlPartner>;

export const ZUrlFeed = z.object({
  name: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
  categories: z.array(z.string()),
});

export const ZDelistingRequestInput = z.object({
  target: ZRawUrl,
  contact: z.string().trim().min(3).max(200),
  explanation: z.string().trim().min(1).max(5000),
  pow: z.object({ challenge: z.string().max(400), solution: z.string().max(40) }),
});
export const ZDelistingRequest = z.object({
  id: z.string(),
  target: z.string(),
  targetKind: z.enum(["url", "domain"]),
  contact: z.string(),
  explanation: z.string(),
  status: z.enum(["pending", "delisted", "rejected"]),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Listed records the request covers (canonical URLs). */
  listed: z.array(z.string()),
});
export const ZDelistingDecision = z.object({
  decision: z.enum(["delist", "reject"]),
  reason: z.string().trim().min(1).max(2000),
});
