import { z } from "zod";

/** Every indicator kind Sonae extracts. Values are stored normalised (see normaliseIndicator). */
export const INDICATOR_KINDS = [
  "ipv4",
  "ipv6",
  "domain",
  "url",
  "md5",
  "sha1",
  "sha256",
  "email",
  "btc",
  "xmr",
  "eth",
  "onion",
  "tox",
] as const;

export const ZIndicatorKind = z.enum(INDICATOR_KINDS);
export type TIndicatorKind = z.infer<typeof ZIndicatorKind>;

/** Where an indicator occurs in the source text: UTF-16 code-unit offsets, end exclusive (String#slice). */
export const ZIndicatorOffset = z
  .object({
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
  })
  .refine((o) => o.end > o.start, { message: "end must be after start", path: ["end"] });
export type TIndicatorOffset = z.infer<typeof ZIndicatorOffset>;
