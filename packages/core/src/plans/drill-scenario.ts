import { z } from "zod";

const ZText = z.object({ ja: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) });
export type TLocalisedText = z.infer<typeof ZText>;

export const ZFindingSeverity = z.enum(["high", "medium", "low"]);
export type TFindingSeverity = z.infer<typeof ZFindingSeverity>;

/** One timed inject: what the facilitator reveals at `minute`, and what the team is expected to decide. */
export const ZDrillInject = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  minute: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** The step of the attack (or response) this inject belongs to. */
  phase: ZText,
  text: ZText,
  /** Decisions or questions a prepared team should come up with. */
  expected: z.array(ZText).min(1).max(10),
  /** Finding recorded in the after-action report when nobody recorded a decision for this inject. */
  ifMissed: z.object({ severity: ZFindingSeverity, title: ZText, fix: ZText }),
});
export type TDrillInject = z.infer<typeof ZDrillInject>;

/**
 * A tabletop drill scenario as kept in content/drills/<id>.yaml. Injects are in time order with
 * unique ids, so "which injects are due" is a prefix of the list.
 */
export const ZDrillScenario = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: ZText,
    summary: ZText,
    /** Where the attack flow comes from (report citation), shown with the scenario. */
    source: ZText,
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    injects: z.array(ZDrillInject).min(2).max(50),
  })
  .superRefine((scenario, ctx) => {
    const ids = new Set<string>();
    scenario.injects.forEach((inject, i) => {
      if (ids.has(inject.id))
        ctx.addIssue({ code: "custom", path: ["injects", i, "id"], message: "duplicate inject id" });
      ids.add(inject.id);
      const previous = scenario.injects[i - 1];
      if (previous && inject.minute < previous.minute)
        ctx.addIssue({
          code: "custom",
          path: ["injects", i, "minute"],
          message: "injects must be in time order",
        });
      if (inject.minute > scenario.durationMinutes)
        ctx.addIssue({
          code: "custom",
          path: ["injects", i, "minute"],
          message: "inject after the end of the drill",
        });
    });
    if (scenario.injects[0]?.minute !== 0)
      ctx.addIssue({
        code: "custom",
        path: ["injects", 0, "minute"],
        message: "the first inject starts at minute 0",
      });
  });
export type TDrillScenario = z.infer<typeof ZDrillScenario>;
