import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { type TLang, type TPlanKind, ZLang, ZPlanKind } from "./plan-model";

/** content/plans/ at the repository root: templates are data, validated at load. */
export const PLAN_CONTENT_DIR = path.resolve(import.meta.dirname, "../../../../content/plans");

const str = z.string().min(1);
const ZGenerator = z.enum([
  "contacts",
  "roles",
  "first-response",
  "devices",
  "decisions",
  "reporting",
  "backups",
  "functions",
]);
export type TGenerator = z.infer<typeof ZGenerator>;

/** One plan kind in one language: its title and ordered sections. */
export const ZPlanTemplate = z.strictObject({
  kind: ZPlanKind,
  lang: ZLang,
  title: str,
  sections: z
    .array(
      z.strictObject({
        heading: str,
        paragraphs: z.array(str).optional(),
        generate: ZGenerator.optional(),
      }),
    )
    .min(1),
});

const roleMap = z.strictObject({ lead: str, liaison: str, it: str, pr: str, legal: str });

/** Wording shared by both plans in one language (labels, police text, steps, decisions, deadlines). */
export const ZPlanCommon = z.strictObject({
  lang: ZLang,
  confidentiality: str,
  meta: z.strictObject({ organisation: str, version: str, approved: str, notApproved: str }),
  labels: z.strictObject({
    notRecorded: str,
    never: str,
    none: str,
    roles: roleMap,
    roleDuties: roleMap,
    externalKinds: z.strictObject({
      "it-vendor": str,
      "security-vendor": str,
      insurer: str,
      lawyer: str,
      "data-protection": str,
    }),
    deviceTypes: z.strictObject({
      vpn: str,
      firewall: str,
      utm: str,
      router: str,
      "rdp-gateway": str,
      server: str,
      other: str,
    }),
    logLocations: z.strictObject({ memory: str, disk: str, forwarded: str }),
    connectivity: z.strictObject({ online: str, offline: str, immutable: str }),
    columns: z.record(z.string(), str),
    hours: str,
  }),
  police: z.strictObject({
    deskRecorded: str,
    deskUrl: str,
    deskMissing: str,
    emergency: str,
    consultation: str,
    stepContact: str,
    stepContactMissing: str,
    online: str,
  }),
  // Exactly five: the emergency card prints these and only these.
  firstResponse: z.strictObject({ steps: z.array(str).length(5), more: z.array(str), noMemoryDevices: str }),
  decisions: z.array(z.strictObject({ title: str, body: str })).min(1),
  reporting: z.array(z.strictObject({ to: str, deadline: str, basis: str, note: str })).min(1),
  sources: z.array(str).min(1),
  generated: z.strictObject({
    policeHeading: str,
    teamHeading: str,
    externalHeading: str,
    teamNone: str,
    externalNone: str,
    devicesNone: str,
    memoryDevicesWarning: str,
    functionsNone: str,
    backupsNone: str,
    backupsOnlineOnly: str,
    restoreTestMissing: str,
    restoreSteps: z.array(str).min(1),
  }),
});
export type TPlanTemplate = z.infer<typeof ZPlanTemplate>;
export type TPlanCommon = z.infer<typeof ZPlanCommon>;

function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  const raw: unknown = parse(readFileSync(file, "utf8"));
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new Error(`invalid template ${path.basename(file)}: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Loads and validates the common wording of one language. */
export function loadPlanCommon(lang: TLang, dir = PLAN_CONTENT_DIR): TPlanCommon {
  const common = readYaml(path.join(dir, `common.${lang}.yaml`), ZPlanCommon);
  if (common.lang !== lang) throw new Error(`common.${lang}.yaml declares lang ${common.lang}`);
  return common;
}

/** Loads and validates one plan template; its kind and lang must match its file name. */
export function loadPlanTemplate(kind: TPlanKind, lang: TLang, dir = PLAN_CONTENT_DIR): TPlanTemplate {
  const template = readYaml(path.join(dir, `${kind}.${lang}.yaml`), ZPlanTemplate);
  if (template.kind !== kind || template.lang !== lang) {
    throw new Error(`${kind}.${lang}.yaml declares ${template.kind}.${template.lang}`);
  }
  return template;
}
