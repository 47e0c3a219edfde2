import type { THubRole } from "@sonae/core";

/**
 * How the acting unit stands to what it acts on (a case, or a unit for unit-level actions):
 * - own: the case is owned by the actor's unit (or the unit acted on is the actor's own unit);
 * - shared: the case was shared with or escalated to the actor's unit;
 * - former_owner: the actor's unit owned the case and transferred it away;
 * - national: the actor belongs to the national unit and the case or unit is another unit's.
 * Anything else is "none": the case is invisible (404) and the unit is refused (403).
 */
export const HUB_RELATIONS = ["own", "shared", "former_owner", "national"] as const;
export type HubRelation = (typeof HUB_RELATIONS)[number];

/** Actions on one case: the relation comes from the case's owner and its shares. */
export const HUB_CASE_ACTIONS = [
  "case.read",
  "case.message",
  "case.related",
  "case.triage",
  "case.close",
  "case.share",
  "case.transfer",
  "case.urls",
] as const;

/** Actions on a unit (its queue, statistics, alerts, advisories, keys, members, audit log). */
export const HUB_UNIT_ACTIONS = [
  "queue.read",
  "stats.read",
  "alerts.read",
  "advisory.read",
  "advisory.publish",
  "keys.manage",
  "members.manage",
  "audit.read",
  "urls.read",
  "urls.judge",
  "partners.manage",
] as const;

/**
 * Misused card numbers (issue 19). Entering and reading entries act on a unit (own entries;
 * the national card role reads every unit's). Building/sending brand batches and registering
 * brand recipients act on the national unit itself: routes ask them for NATIONAL_UNIT_ID, so only
 * a national membership ("own" relation there) can hold them.
 */
export const HUB_CARD_ACTIONS = ["cards.enter", "cards.read", "cards.batch", "cards.recipients"] as const;

export type HubCaseAction = (typeof HUB_CASE_ACTIONS)[number];
export type HubUnitAction = (typeof HUB_UNIT_ACTIONS)[number];
export type HubCardAction = (typeof HUB_CARD_ACTIONS)[number];
export type HubAction = HubCaseAction | HubUnitAction | HubCardAction;

const READ_ONLY = ["case.read"] as const;
const READ_AND_TALK = ["case.read", "case.message"] as const;
const ANALYSE = ["case.read", "case.message", "case.related"] as const;
const TRIAGE = ["case.triage", "case.close", "case.share", "case.transfer"] as const;
const UNIT_READS = ["queue.read", "stats.read", "advisory.read", "urls.read"] as const;
const CARD_ENTRY = ["cards.enter", "cards.read"] as const;

/**
 * THE hub policy (issue 16 §2): role × relation → allowed actions. Every hub route asks this
 * table and nothing else; `hub-rights.http.test.ts` tries every cell against the HTTP API.
 * Sharing gives read and message, never triage; a former owner reads only; the national unit
 * (an explicit membership) supervises: it reads and triages every case — escalations land there,
 * and a small hub may be run by the national unit alone — and manages every unit's people and keys.
 * Phishing URLs (issue 17): whoever may triage or analyse a case may add its URLs (case.urls);
 * every unit reads the URL store (urls.read: its own sightings in full, the national view of the
 * records); analysts and unit admins judge (urls.judge, also delisting requests); unit admins
 * manage their unit's partners and feed consumers, the national unit every unit's (partners.manage).
 */
export const HUB_RIGHTS: Record<THubRole, Record<HubRelation, readonly HubAction[]>> = {
  intake_officer: {
    own: [...READ_AND_TALK, ...TRIAGE, "case.urls", ...UNIT_READS, ...CARD_ENTRY],
    shared: READ_AND_TALK,
    former_owner: READ_ONLY,
    national: [...READ_AND_TALK, ...TRIAGE, "case.urls"],
  },
  analyst: {
    own: [
      ...ANALYSE,
      "case.urls",
      ...UNIT_READS,
      "alerts.read",
      "advisory.publish",
      "urls.judge",
      ...CARD_ENTRY,
    ],
    shared: ANALYSE,
    former_owner: ["case.read", "case.related"],
    national: [...ANALYSE, "case.urls"],
  },
  unit_admin: {
    own: [
      ...ANALYSE,
      ...TRIAGE,
      "case.urls",
      ...UNIT_READS,
      "alerts.read",
      "advisory.publish",
      "keys.manage",
      "members.manage",
      "audit.read",
      "urls.judge",
      "partners.manage",
      ...CARD_ENTRY,
      "cards.recipients",
    ],
    shared: ANALYSE,
    former_owner: ["case.read", "case.related"],
    national: [
      ...ANALYSE,
      ...TRIAGE,
      "case.urls",
      "keys.manage",
      "members.manage",
      "audit.read",
      "partners.manage",
    ],
  },
  /**
   * The card role (issue 19 §5): card numbers only, no cases. In the national unit it builds and
   * sends the brand batches and reads every unit's entries (masked); in a prefecture it enters
   * and reads its own unit's numbers.
   */
  card_officer: {
    own: [...CARD_ENTRY, "cards.batch"],
    shared: [],
    former_owner: [],
    national: ["cards.read"],
  },
};

export function hubRightAllows(role: THubRole, relation: HubRelation | "none", action: HubAction): boolean {
  if (relation === "none") return false;
  return HUB_RIGHTS[role][relation].includes(action);
}

/** The actor's relation to a unit: its own, another one seen from the national unit, or none. */
export function relationToUnit(actor: { unitId: number; isNational: boolean }, unitId: number) {
  if (unitId === actor.unitId) return "own" as const;
  return actor.isNational ? ("national" as const) : ("none" as const);
}

/**
 * The actor's relation to a case from its owner and the actor unit's share row (if any). Owning
 * wins over a share; a share row written by a transfer marks the former owner.
 */
export function relationToCase(
  actor: { unitId: number; isNational: boolean },
  ownerUnitId: number,
  shareReason: "transfer" | "share" | "escalation" | null,
): HubRelation | "none" {
  if (ownerUnitId === actor.unitId) return "own";
  if (actor.isNational) return "national";
  if (shareReason === "transfer") return "former_owner";
  if (shareReason) return "shared";
  return "none";
}
