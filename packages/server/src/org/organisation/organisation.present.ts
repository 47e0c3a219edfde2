import { deriveSmeStatus, type IndustryCode, type PrefectureCode, type TOrganisation } from "@sonae/core";
import type { organisations } from "@sonae/db";

type SmeSubSector = TOrganisation["smeSubSector"];

export function presentOrganisation(row: typeof organisations.$inferSelect): TOrganisation {
  const industryCode = row.industryCode as IndustryCode;
  const smeSubSector = (row.smeSubSector ?? null) as SmeSubSector;
  return {
    id: row.id,
    name: row.name,
    prefectureCode: row.prefectureCode as PrefectureCode,
    industryCode,
    smeSubSector,
    capitalYen: row.capitalYen,
    employees: row.employees,
    sme: deriveSmeStatus({
      industry: industryCode,
      subSector: smeSubSector,
      capitalYen: row.capitalYen,
      employees: row.employees,
    }),
    updatedAt: row.updatedAt.toISOString(),
  };
}
