import { z } from "zod";

/**
 * A business function of the cyber-attack BCP: what must keep running, its recovery order
 * (1 = first), its recovery time objective in hours, and how to work by hand while systems are down.
 */
export const ZBusinessFunctionInput = z.object({
  name: z.string().trim().min(1).max(200),
  priority: z.number().int().min(1).max(99),
  rtoHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365),
  manualWorkaround: z.string().trim().max(1000).nullable().default(null),
});
export type TBusinessFunctionInput = z.infer<typeof ZBusinessFunctionInput>;

export const ZCreateBusinessFunctionRequest = ZBusinessFunctionInput;
export const ZUpdateBusinessFunctionRequest = ZBusinessFunctionInput;

export const ZBusinessFunction = ZBusinessFunctionInput.extend({
  id: z.string(),
  updatedAt: z.string(),
});
export type TBusinessFunction = z.infer<typeof ZBusinessFunction>;

export const ZBusinessFunctionList = z.object({ items: z.array(ZBusinessFunction) });
