import { z } from "zod";
import { PREFECTURES } from "../reference/prefectures";

/** Hub roles (issue 9 §1): intake officers triage, analysts see correlations, unit admins manage the unit. */
export const HUB_ROLES = ["intake_officer", "analyst", "unit_admin", "card_officer"] as const;
export const ZHubRole = z.enum(HUB_ROLES);
export type THubRole = z.infer<typeof ZHubRole>;

/** Classification of a case (issue 9 §3). */
export const HUB_CATEGORIES = [
  "ransomware",
  "unauthorised_access",
  "ddos",
  "phishing",
  "fraud",
  "leak",
  "other",
] as const;
export const ZHubCategory = z.enum(HUB_CATEGORIES);
export type THubCategory = z.infer<typeof ZHubCategory>;

export const ZHubPriority = z.enum(["p1", "p2", "p3", "p4"]);
export type THubPriority = z.infer<typeof ZHubPriority>;
export const ZHubStatus = z.enum(["new", "acknowledged", "in_progress", "closed"]);
export const ZHubReportKind = z.enum(["report", "consultation", "information"]);
export type THubReportKind = z.infer<typeof ZHubReportKind>;

/** The national analysis unit has id 0; prefectural units use their JIS X 0401 number 1–47. */
export const NATIONAL_UNIT_ID = 0;
export const ZHubUnitId = z.int().min(0).max(47);

/** The 48 units: national + one per prefecture (prefectural police headquarters). */
export const HUB_UNITS = [
  { id: NATIONAL_UNIT_ID, kind: "national", nameJa: "全国分析ユニット", nameEn: "National analysis unit" },
  ...PREFECTURES.map((p) => ({
    id: Number(p.code),
    kind: "prefecture" as const,
    nameJa: p.policeJa,
    nameEn: `${p.nameEn} Prefectural Police`,
  })),
] as const satisfies readonly {
  id: number;
  kind: "national" | "prefecture";
  nameJa: string;
  nameEn: string;
}[];

/** Prefecture code "01"–"47" → unit id, or undefined. Accepts the JIS code or a prefecture name. */
export function unitIdOfPrefecture(value: string): number | undefined {
  const v = value.trim();
  const p = PREFECTURES.find(
    (x) => x.code === v || x.nameJa === v || x.nameEn.toLowerCase() === v.toLowerCase(),
  );
  return p ? Number(p.code) : undefined;
}

export const ZHubUnit = z.object({
  id: z.int(),
  kind: z.enum(["prefecture", "national"]),
  nameJa: z.string(),
  nameEn: z.string(),
});
export type THubUnit = z.infer<typeof ZHubUnit>;

export const ZHubMe = z.object({
  userId: z.string(),
  displayName: z.string(),
  unit: ZHubUnit,
  role: ZHubRole,
  /** Unit-level actions the policy table allows this user (which screens the web offers). */
  rights: z.array(z.string()),
});
export type THubMe = z.infer<typeof ZHubMe>;

export const ZHubSetMembershipRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  unitId: ZHubUnitId,
  role: ZHubRole,
});
export type THubSetMembershipRequest = z.infer<typeof ZHubSetMembershipRequest>;
