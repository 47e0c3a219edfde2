import type { THubPriority } from "./hub-contracts";

/**
 * SLA clocks (issue 9 §3). Acknowledgement is due within 24 hours of receipt for every report;
 * after acknowledgement the first substantive response is due by priority. These are the hub's
 * own service targets (no statute sets them); a unit can change them in code review, not per case.
 */
export const ACK_DUE_HOURS = 24;
export const RESPONSE_DUE_HOURS: Record<THubPriority, number> = { p1: 4, p2: 24, p3: 72, p4: 168 };

export function computeAckDue(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + ACK_DUE_HOURS * 3_600_000);
}

/** Response due, counted from acknowledgement; p3 when no priority has been set yet. */
export function computeResponseDue(acknowledgedAt: Date, priority: THubPriority | null): Date {
  return new Date(acknowledgedAt.getTime() + RESPONSE_DUE_HOURS[priority ?? "p3"] * 3_600_000);
}

/** Breached when the current clock's due time has passed without the step being done. */
export function isSlaBreached(
  c: { ackDueAt: Date; acknowledgedAt: Date | null; responseDueAt: Date | null; status: string },
  now: Date,
): boolean {
  if (c.status === "closed") return false;
  if (!c.acknowledgedAt) return now > c.ackDueAt;
  return c.status === "acknowledged" && c.responseDueAt !== null && now > c.responseDueAt;
}
