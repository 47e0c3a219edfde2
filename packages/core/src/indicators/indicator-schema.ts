import { z } from "zod";
import { ZIndicatorKind, ZIndicatorOffset } from "./indicator-kinds";
import { normaliseIndicator, validateIndicator } from "./normalise-indicator";

/** An extracted indicator (output of extractIndicators); the value must be valid and already normalised. */
export const ZIndicator = z
  .object({
    kind: ZIndicatorKind,
    value: z.string().min(1).max(2048),
    offsets: z.array(ZIndicatorOffset),
    defanged: z.boolean(),
  })
  .superRefine((ind, ctx) => {
    if (!validateIndicator(ind.kind, ind.value)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `not a valid ${ind.kind}` });
    } else if (normaliseIndicator(ind.kind, ind.value) !== ind.value) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `${ind.kind} is not in normalised form` });
    }
  });
export type TIndicator = z.infer<typeof ZIndicator>;

/**
 * An indicator typed in by a person (form, CLI flag, API body): refanged and normalised on parse, rejected
 * when invalid. `{ kind: "domain", value: "Evil[.]COM" }` parses to `{ kind: "domain", value: "evil.com" }`.
 */
export const ZIndicatorInput = z
  .object({ kind: ZIndicatorKind, value: z.string().trim().min(1).max(2048) })
  .transform((ind) => ({ kind: ind.kind, value: normaliseIndicator(ind.kind, ind.value) }))
  .refine((ind) => validateIndicator(ind.kind, ind.value), {
    message: "invalid indicator value",
    path: ["value"],
  });
export type TIndicatorInput = z.input<typeof ZIndicatorInput>;
