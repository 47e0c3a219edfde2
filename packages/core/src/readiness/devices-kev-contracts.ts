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
  officialUrl: z.string(),
});
export type TKevCatalogStatus = z.infer<typeof ZKevCatalogStatus>;

/** Register figures the dashboard and the readiness assessment show (issue 3, item 8). */
export const ZRegistersSummary = z.object({
  devices: z.object({
    total: z.number().int(),
    withKevMatches: z.number().int(),
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
