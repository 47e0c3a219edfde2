import { z } from "zod";
import { INDUSTRY_CODES } from "../reference/industries";
import { PREFECTURE_CODES } from "../reference/prefectures";

export const ZSmeSector = z.enum(["manufacturing_other", "wholesale", "service", "retail"]);

export const ZOrganisationProfile = z.object({
  name: z.string().trim().min(1).max(200),
  prefectureCode: z.enum(PREFECTURE_CODES).meta({ description: "JIS X 0401 prefecture code" }),
  industryCode: z.enum(INDUSTRY_CODES).meta({ description: "日本標準産業分類 major class (A–T)" }),
  smeSubSector: ZSmeSector.nullable().default(null),
  capitalYen: z.number().int().min(0).max(1e15).nullable().default(null),
  employees: z.number().int().min(0).max(10_000_000).nullable().default(null),
});
export type TOrganisationProfile = z.infer<typeof ZOrganisationProfile>;

export const ZOrganisation = ZOrganisationProfile.extend({
  id: z.string(),
  sme: z.object({
    sector: ZSmeSector,
    isSme: z.boolean(),
    isSmallEnterprise: z.boolean(),
    basis: z.enum(["capital", "employees", "both", "none"]),
  }),
  updatedAt: z.string(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;
