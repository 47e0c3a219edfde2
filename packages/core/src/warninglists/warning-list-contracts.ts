import { z } from "zod";

/**
 * One MISP warning list, as the misp-warninglists `schema.json` defines it (CC0). `type` says how a
 * value is compared with the entries: string = equal, substring = contained, hostname = the host or
 * one of its parent domains, cidr = inside a range, regex = PCRE in /…/flags form.
 */
export const ZMispWarningList = z
  .object({
    name: z.string().min(1),
    description: z.string(),
    version: z.int().nonnegative(),
    type: z.enum(["string", "substring", "hostname", "cidr", "regex"]),
    list: z.array(z.string()),
    matching_attributes: z.array(z.string()).optional(),
  })
  .strict();
export type TMispWarningList = z.infer<typeof ZMispWarningList>;

/** content/warninglists/manifest.json: which lists ship, from which snapshot. */
export const ZWarningListManifest = z
  .object({
    snapshot: z.object({ repository: z.string(), commit: z.string(), date: z.iso.date() }),
    lists: z.array(
      z.object({
        id: z.string().regex(/^[a-z0-9._-]+$/i),
        file: z.string().regex(/^(misp|sonae)\/[a-z0-9._-]+\.json$/i),
        /** Japanese name shown next to the value (the MISP name is English). */
        nameJa: z.string().min(1),
      }),
    ),
  })
  .strict();
export type TWarningListManifest = z.infer<typeof ZWarningListManifest>;

/** Which list a value matched, and how old that list is (shown next to the value). */
export const ZWarningListMatch = z.object({
  listId: z.string(),
  name: z.object({ ja: z.string(), en: z.string() }),
  /** Date of the list's data: from its version when that is a date, else the snapshot date. */
  date: z.iso.date(),
  dateBasis: z.enum(["list-version", "snapshot"]),
  /** The entry that matched (a parent domain, a range, a pattern). */
  entry: z.string(),
});
export type TWarningListMatch = z.infer<typeof ZWarningListMatch>;

/** A list as the server has it loaded: the MISP list plus its id, Japanese name and snapshot date. */
export type LoadedWarningList = TMispWarningList & { id: string; nameJa: string; snapshotDate: string };
