import { z } from "zod";

const ZText = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();

/** A command whose output is evidence (`{out}` = the output file in the kit's staging folder). */
export const ZTargetCommand = z
  .object({
    program: z.string().min(1),
    args: z.array(z.string()).max(32),
    output: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
    stdout: z.boolean().optional(),
  })
  .strict();

/** One collection target (content/collect/<id>.json). */
export const ZCollectionTarget = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{3,80}$/),
    platform: z.enum(["windows", "linux"]),
    title: ZText,
    why: ZText,
    needsAdmin: z.boolean(),
    paths: z.array(z.string().min(1).max(1000)).max(64).optional(),
    commands: z.array(ZTargetCommand).max(16).optional(),
    source: z.object({ name: z.string().min(1), url: z.string().url() }).strict(),
  })
  .strict()
  .refine((t) => (t.paths?.length ?? 0) + (t.commands?.length ?? 0) > 0, "a target needs paths or commands");

export type CollectionTarget = z.infer<typeof ZCollectionTarget>;
export type TargetCommand = z.infer<typeof ZTargetCommand>;
