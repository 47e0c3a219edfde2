import { z } from "zod";
import { KevError } from "../kev-error";
import type { NvdRangeFile, NvdRangeRecord } from "./nvd-range-types";

/** Largest range file read (the NVD API's whole hasKev answer is about 30 MB). */
export const NVD_FILE_MAX_BYTES = 64 * 1024 * 1024;

const version = z.string().max(100).optional();
const ZCpeMatch = z.object({
  vulnerable: z.boolean(),
  criteria: z.string().startsWith("cpe:2.3:").max(500),
  versionStartIncluding: version,
  versionStartExcluding: version,
  versionEndIncluding: version,
  versionEndExcluding: version,
});
const ZConfiguration = z.object({
  operator: z.string().max(10).optional(),
  nodes: z
    .array(
      z.object({
        operator: z.string().max(10).optional(),
        negate: z.boolean().optional(),
        cpeMatch: z.array(ZCpeMatch).max(5000),
      }),
    )
    .max(100),
});
const ZCnaProduct = z.object({
  vendor: z.string().max(200).optional(),
  product: z.string().max(200).optional(),
  defaultStatus: z.string().max(50).optional(),
  versions: z
    .array(
      z.object({
        version: z.string().max(200),
        status: z.string().max(50),
        lessThan: version,
        lessThanOrEqual: version,
        versionType: z.string().max(50).optional(),
      }),
    )
    .max(1000)
    .optional(),
});
// Two shapes occur: the NVD record's `affected` field ({source, affectedData: [...]}) and a CVE 5 record's
// `containers.cna.affected[]` entry itself ({vendor, product, versions}); both become the first shape.
const ZCnaAffected = z.union([
  z.object({ source: z.string().max(200).optional(), affectedData: z.array(ZCnaProduct).max(100) }),
  ZCnaProduct.transform((entry) => ({ source: undefined, affectedData: [entry] })),
]);
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const ZRecord = z.object({
  nvdLastModified: z.string().max(40),
  source: z.string().max(40),
  configurations: z.array(ZConfiguration).max(500),
  noConfigurationsReason: z.string().max(1000).optional(),
  cnaAffected: z.array(ZCnaAffected).max(50).optional(),
});
const ZRangeFile = z.object({
  note: z.string().max(5000).optional(),
  source: z.string().min(1).max(500),
  retrieved: z.iso.date(),
  cves: z.record(z.string().regex(CVE_ID), ZRecord),
});

/** NVD CVE API 2.0 answer (`/rest/json/cves/2.0`): only the fields Sonae uses are checked and kept. */
const ZNvdApiAnswer = z.object({
  format: z.literal("NVD_CVE").optional(),
  timestamp: z.string().max(40),
  vulnerabilities: z
    .array(
      z.object({
        cve: z.object({
          id: z.string().regex(CVE_ID),
          lastModified: z.string().max(40),
          configurations: z.array(ZConfiguration).max(500).optional(),
        }),
      }),
    )
    .max(50_000),
});

function invalid(label: string, detail: string): KevError {
  return new KevError("INVALID_CATALOG", {
    ja: `${label} は NVD のデータとして読めません: ${detail}`,
    en: `${label} is not usable NVD data: ${detail}`,
  });
}

function firstIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join("/") || "/"} ${i.message}`)
    .join("; ");
}

/** Records of an NVD API 2.0 answer in Sonae's range-file shape (records without configurations kept empty). */
export function rangeFileFromNvdApi(answers: unknown[], source: string, label: string): NvdRangeFile {
  const cves: Record<string, NvdRangeRecord> = {};
  let retrieved = "";
  for (const answer of answers) {
    const parsed = ZNvdApiAnswer.safeParse(answer);
    if (!parsed.success) throw invalid(label, firstIssues(parsed.error));
    retrieved = parsed.data.timestamp.slice(0, 10);
    for (const { cve } of parsed.data.vulnerabilities) {
      cves[cve.id] = {
        nvdLastModified: cve.lastModified,
        source: "nvd",
        configurations: cve.configurations ?? [],
        ...(cve.configurations?.length ? {} : { noConfigurationsReason: "NVD record has no configurations" }),
      };
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(retrieved)) throw invalid(label, "no timestamp");
  return { source, retrieved, cves };
}

/**
 * Reads range data from text: Sonae's range file (as shipped) or an NVD CVE API 2.0 answer (as saved from
 * `https://services.nvd.nist.gov/rest/json/cves/2.0?hasKev`). Anything else throws KevError(INVALID_CATALOG).
 */
export function parseNvdRangeText(text: string, label: string): NvdRangeFile {
  if (text.length > NVD_FILE_MAX_BYTES) throw invalid(label, "file too large");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid(label, "not JSON");
  }
  if (data && typeof data === "object" && "vulnerabilities" in data) {
    return rangeFileFromNvdApi([data], `NVD CVE API 2.0 (${label})`, label);
  }
  const parsed = ZRangeFile.safeParse(data);
  if (!parsed.success) throw invalid(label, firstIssues(parsed.error));
  return parsed.data as NvdRangeFile;
}
