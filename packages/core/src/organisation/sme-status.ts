import type { IndustryCode } from "../reference/industries";

/**
 * The four sectors of 中小企業基本法 第2条第1項, each with its own thresholds.
 * An enterprise is an SME when EITHER its capital OR its regular employees are at or below the
 * sector's threshold (the article joins the two with 「又は」).
 *   一号 製造業・建設業・運輸業その他: 資本金3億円以下 又は 従業員300人以下
 *   二号 卸売業:                       資本金1億円以下 又は 従業員100人以下
 *   三号 サービス業:                   資本金5千万円以下 又は 従業員100人以下
 *   四号 小売業:                       資本金5千万円以下 又は 従業員50人以下
 * 小規模企業者 (同条第5項): 従業員20人以下, 商業（卸売・小売）又はサービス業は5人以下.
 */
export type SmeSector = "manufacturing_other" | "wholesale" | "service" | "retail";

const THRESHOLDS: Record<SmeSector, { capitalYen: number; employees: number; smallEmployees: number }> = {
  manufacturing_other: { capitalYen: 300_000_000, employees: 300, smallEmployees: 20 },
  wholesale: { capitalYen: 100_000_000, employees: 100, smallEmployees: 5 },
  service: { capitalYen: 50_000_000, employees: 100, smallEmployees: 5 },
  retail: { capitalYen: 50_000_000, employees: 50, smallEmployees: 5 },
};

/**
 * Default sector for a JSIC major class, following 中小企業庁's reading of the law's sectors.
 * Class I (卸売業，小売業) and M (宿泊業，飲食サービス業) straddle two sectors, so the
 * organisation states its sub-sector; without it we take the stricter reading (retail / service).
 */
export function smeSectorForIndustry(industry: IndustryCode, subSector?: SmeSector | null): SmeSector {
  if (subSector) return subSector;
  switch (industry) {
    case "I":
      return "retail";
    case "G":
    case "K":
    case "L":
    case "M":
    case "N":
    case "O":
    case "P":
    case "Q":
    case "R":
      return "service";
    default:
      return "manufacturing_other";
  }
}

export type SmeStatus = {
  sector: SmeSector;
  isSme: boolean;
  isSmallEnterprise: boolean;
  /** Which test made it an SME: capital, employees, both, or none. */
  basis: "capital" | "employees" | "both" | "none";
};

/** Derives SME status under 中小企業基本法 第2条 from industry, capital (yen) and regular employees. */
export function deriveSmeStatus(input: {
  industry: IndustryCode;
  subSector?: SmeSector | null;
  capitalYen: number | null;
  employees: number | null;
}): SmeStatus {
  const sector = smeSectorForIndustry(input.industry, input.subSector);
  const t = THRESHOLDS[sector];
  const byCapital = input.capitalYen !== null && input.capitalYen <= t.capitalYen;
  const byEmployees = input.employees !== null && input.employees <= t.employees;
  const basis =
    byCapital && byEmployees ? "both" : byCapital ? "capital" : byEmployees ? "employees" : "none";
  return {
    sector,
    isSme: byCapital || byEmployees,
    isSmallEnterprise: input.employees !== null && input.employees <= t.smallEmployees,
    basis,
  };
}
