import { z } from "zod";

/**
 * Contacts of the readiness area (Sonae issue 3, item 1): the prefectural police desk as the organisation
 * recorded and verified it, the internal response team by role, and external parties.
 */
export const CONTACT_CATEGORIES = ["police_desk", "team", "external"] as const;
export const TEAM_ROLES = ["responsible", "liaison", "it", "pr", "legal"] as const;
export const EXTERNAL_ROLES = [
  "it_vendor",
  "security_vendor",
  "insurer",
  "lawyer",
  "data_protection",
  "other",
] as const;
export const POLICE_DESK_ROLES = ["prefectural_desk"] as const;

const ROLES_BY_CATEGORY: Record<(typeof CONTACT_CATEGORIES)[number], readonly string[]> = {
  police_desk: POLICE_DESK_ROLES,
  team: TEAM_ROLES,
  external: EXTERNAL_ROLES,
};

/** A contact is "stale" when nobody verified it within this many months (issue 3: older than 12 months). */
export const CONTACT_STALE_MONTHS = 12;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

// Only http(s): a recorded URL is shown as a link, and javascript:/data: URLs would run in the page.
const ZHttpUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/i, "http(s) URL")
  .nullish()
  .transform((v) => (v ? v : null));

const ZIsoDate = z.iso.date().meta({ description: "YYYY-MM-DD" });

export const ZContactInput = z
  .object({
    category: z.enum(CONTACT_CATEGORIES),
    role: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(200),
    affiliation: optionalText(200),
    phone: optionalText(40),
    outOfHoursPhone: optionalText(40),
    email: z
      .email()
      .max(200)
      .nullish()
      .or(z.literal(""))
      .transform((v) => (v ? v : null)),
    url: ZHttpUrl,
    policyNumber: optionalText(100),
    hotline: optionalText(40),
    notes: optionalText(2000),
    verifiedAt: ZIsoDate.nullish().transform((v) => v ?? null),
  })
  .refine((c) => ROLES_BY_CATEGORY[c.category].includes(c.role), {
    path: ["role"],
    message: "role does not belong to the category",
  });
export type TContactInput = z.infer<typeof ZContactInput>;

export const ZCreateContactRequest = ZContactInput;
export const ZUpdateContactRequest = ZContactInput;

/** current: verified within 12 months; stale: verified longer ago; unverified: never verified. */
export const ZContactVerification = z.enum(["current", "stale", "unverified"]);

export const ZContact = z.object({
  id: z.string(),
  category: z.enum(CONTACT_CATEGORIES),
  role: z.string(),
  name: z.string(),
  affiliation: z.string().nullable(),
  phone: z.string().nullable(),
  outOfHoursPhone: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  policyNumber: z.string().nullable(),
  hotline: z.string().nullable(),
  notes: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verification: ZContactVerification,
  updatedAt: z.string(),
});
export type TContact = z.infer<typeof ZContact>;

/** A number that is a public fact, with where it comes from. */
export const ZBuiltInNumber = z.object({
  number: z.string(),
  label: z.object({ ja: z.string(), en: z.string() }),
  source: z.object({ ja: z.string(), en: z.string(), url: z.string() }),
});

export const ZContactsOverview = z.object({
  contacts: z.array(ZContact),
  /** The organisation's own record of its prefectural desk; null means 未登録 (show the NPA list link). */
  policeDesk: ZContact.nullable(),
  builtIn: z.object({ emergency: ZBuiltInNumber, consultation: ZBuiltInNumber }),
  npaDeskListUrl: z.string(),
  prefectureCode: z.string(),
  staleCount: z.number().int(),
  today: z.string(),
});
export type TContactsOverview = z.infer<typeof ZContactsOverview>;

/** Whether a contact needs re-verification on `today` (YYYY-MM-DD). Pure, used by server and web. */
export function judgeContactVerification(verifiedAt: string | null, today: string): TContact["verification"] {
  if (!verifiedAt) return "unverified";
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCMonth(limit.getUTCMonth() - CONTACT_STALE_MONTHS);
  return verifiedAt < limit.toISOString().slice(0, 10) ? "stale" : "current";
}
