import { z } from "zod";

/** A warning shown next to a register entry, with the reason in Japanese and English. */
export const ZRegisterWarning = z.object({
  code: z.string(),
  severity: z.enum(["high", "medium", "low"]),
  message: z.object({ ja: z.string(), en: z.string() }),
});
export type TRegisterWarning = z.infer<typeof ZRegisterWarning>;

export const BACKUP_MEDIA = ["disk", "nas", "tape", "cloud", "removable", "other"] as const;
export const BACKUP_CONNECTIVITY = ["online", "offline", "immutable"] as const;
export const RESTORE_TEST_RESULTS = ["success", "partial", "failed"] as const;

const ZIsoDate = z.iso.date().meta({ description: "YYYY-MM-DD" });
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** One backup set as the organisation records it (notice of 2025-01-31, ④: several media including offline). */
export const ZCreateBackupSetRequest = z.object({
  name: z.string().trim().min(1).max(200),
  protects: z.string().trim().min(1).max(1000),
  media: z.enum(BACKUP_MEDIA),
  location: optionalText(500),
  connectivity: z.enum(BACKUP_CONNECTIVITY),
  generations: z.number().int().min(0).max(100_000).nullable().default(null),
  frequency: optionalText(200),
  lastSuccessAt: ZIsoDate.nullable().default(null),
  lastRestoreTestAt: ZIsoDate.nullable().default(null),
  lastRestoreTestResult: z.enum(RESTORE_TEST_RESULTS).nullable().default(null),
  notes: optionalText(5000),
});
export type TCreateBackupSetRequest = z.infer<typeof ZCreateBackupSetRequest>;
export const ZUpdateBackupSetRequest = ZCreateBackupSetRequest;

export const ZBackupSet = ZCreateBackupSetRequest.extend({
  id: z.string(),
  warnings: z.array(ZRegisterWarning),
  updatedAt: z.string(),
});
export type TBackupSet = z.infer<typeof ZBackupSet>;

export const ZBackupRegister = z.object({
  backupSets: z.array(ZBackupSet),
  /** Checks over the whole register (offline copy, two media, recent restore test). */
  findings: z.array(ZRegisterWarning),
});
export type TBackupRegister = z.infer<typeof ZBackupRegister>;
