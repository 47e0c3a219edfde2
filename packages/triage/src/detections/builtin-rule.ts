import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import type { DetectionContext, DetectionRule } from "./detection-helpers";

/**
 * The events a built-in rule reads: Windows events as "channel:eventId", and whether it reads
 * text-log lines (VPN, sshd, firewalls). The pipeline gives a rule nothing else, so a rule that
 * reads an event it does not declare never sees it: `test/builtin-rule-inputs.test.ts` runs
 * every rule over the whole corpus once with every event and once with only its declared
 * inputs, and compares the findings.
 */
export interface RuleInputs {
  windows: string[];
  textLog: boolean;
}

/** What a rule's state may read besides events: per-file facts and the country lookup. */
export type RuleContext = Omit<DetectionContext, "events">;

/**
 * A rule's state while events stream past. Events come in file order, not time order, and the
 * rule keeps only what it needs: findings already made (single-event rules), counters, and the
 * evidence of findings still open (slimmed to the fields the finding shows). `finish` gives the
 * same findings whatever order the events came in.
 */
export interface RuleState {
  add(e: TTimelineEvent): void;
  finish(): TDetection[];
}

export interface BuiltinRule {
  /** The rule (or family of rules) for messages and tests, e.g. "password-spray". */
  name: string;
  inputs: RuleInputs;
  start(ctx: RuleContext): RuleState;
}

/** A rule run over a whole list of events at once (tests and the keep-everything reference). */
export function overTimeline(rule: BuiltinRule): DetectionRule {
  return (ctx) => {
    const state = rule.start(ctx);
    for (const e of ctx.events) state.add(e);
    return state.finish();
  };
}

/** Timeline order: time, then id. */
export function byTimeAndId(a: TTimelineEvent, b: TTimelineEvent): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Findings of single-event rules in the order a sorted timeline gives them (first event's time, id). */
export function byFirstEvent(a: TDetection, b: TDetection): number {
  const ia = a.eventIds[0] ?? "";
  const ib = b.eventIds[0] ?? "";
  return a.firstTime < b.firstTime ? -1 : a.firstTime > b.firstTime ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0;
}

/**
 * The event with only the named detail fields: what a rule keeps as evidence once it has read
 * the rest (a script block or command line can be hundreds of kilobytes).
 */
export function slim(e: TTimelineEvent, fields: readonly string[] = []): TTimelineEvent {
  const details: Record<string, string> = {};
  for (const f of fields) {
    const v = e.details[f];
    if (v !== undefined) details[f] = v;
  }
  const { recovered, ...rest } = e;
  return { ...rest, details, ...(recovered ? { recovered } : {}) };
}

/** "channel:eventId" of a Windows event, or null for text logs. */
export function inputKey(e: TTimelineEvent): string | null {
  return e.sourceType === "evtx" && e.eventId !== null ? `${e.channel}:${e.eventId}` : null;
}
