import { z } from "zod";
import { ZKevCatalogSummary } from "./devices-contracts";

/** The catalogue in use and every catalogue available (shipped, imported, fetched), for the KEV admin panel. */
export const ZKevCatalogStatus = z.object({
  current: ZKevCatalogSummary,
  available: z.array(
    z.object({
      catalogVersion: z.string(),
      dateReleased: z.string(),
      count: z.number().int(),
      source: z.string(),
      problem: z.string().optional(),
    }),
  ),
  /** NVD affected-version files: shipped, fetched and uploaded, each with its retrieval day. */
  nvd: z.array(
    z.object({
      origin: z.string(),
      retrieved: z.string(),
      count: z.number().int(),
      problem: z.string().optional(),
    }),
  ),
  officialUrl: z.string(),
  nvdNotice: z.string(),
});
export type TKevCatalogStatus = z.infer<typeof ZKevCatalogStatus>;

/** Register figures the dashboard and the readiness assessment show (issue 3, item 8). */
export const ZRegistersSummary = z.object({
  devices: z.object({
    total: z.number().int(),
    /** Devices with at least one KEV entry whose verdict is "affected". */
    withKevMatches: z.number().int(),
    /** Devices with no affected entry but at least one "unknown" (check the vendor advisory). */
    withKevUnknown: z.number().int(),
    withRansomwareKev: z.number().int(),
    withoutMfa: z.number().int(),
    logsInMemoryOnly: z.number().int(),
    catalog: ZKevCatalogSummary,
  }),
  contacts: z.object({
    total: z.number().int(),
    stale: z.number().int(),
    unverified: z.number().int(),
    policeDeskRecorded: z.boolean(),
  }),
});
export type TRegistersSummary = z.infer<typeof ZRegistersSummary>;

/** Upload of a KEV catalogue or an NVD records file for machines without internet (admins). */
export const ZKevUploadRequest = z.object({
  kind: z.enum(["catalog", "nvd"]),
  fileName: z.string().trim().min(1).max(255),
  /** base64 of the file (JSON, or .json.gz); at most 48 MB of file. */
  contentBase64: z
    .string()
    .max(64 * 1024 * 1024)
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, "base64"),
});
export type TKevUploadRequest = z.infer<typeof ZKevUploadRequest>;

/** What the device form suggests: vendor and product names the KEV/NVD data knows. */
export const ZKevSuggestions = z.object({
  vendors: z.array(z.object({ name: z.string(), products: z.array(z.string()) })),
});
export type TKevSuggestions = z.infer<typeof ZKevSuggestions>;
