/**
 * The answers a first responder needs in the first hour, taken from the findings of a triage run:
 * who (accounts), from where (sources), when it started, how they got in, what they did to stay
 * and spread, and what was turned off or destroyed. Pure, so the CLI (`--summary`) and the web
 * triage page show the same answers; each answer names the findings (and so the events) behind it.
 */
export interface FirstResponseFinding {
  id: string;
  title: { ja: string; en: string };
  severity: "critical" | "high" | "medium" | "low" | "info";
  question?: "way-in" | "foothold" | "evasion-impact" | "other" | undefined;
  accounts?: string[] | undefined;
  remoteSources?: string[] | undefined;
  firstTime: string;
  hosts: string[];
}

/** One value (an account, an address) with the findings that name it, most findings first. */
export interface FirstResponseValue {
  value: string;
  findingIds: string[];
}

/** A finding as one line of an answer. */
export interface FirstResponseItem {
  findingId: string;
  title: { ja: string; en: string };
  severity: FirstResponseFinding["severity"];
  firstTime: string;
  hosts: string[];
}

export interface FirstResponseAnswers {
  who: FirstResponseValue[];
  fromWhere: FirstResponseValue[];
  /** The earliest finding that answers one of the questions (null: none). */
  whenFirst: FirstResponseItem | null;
  wayIn: FirstResponseItem[];
  foothold: FirstResponseItem[];
  turnedOff: FirstResponseItem[];
}

const ANSWERING = new Set(["way-in", "foothold", "evasion-impact"]);
const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;
/** Low and info findings are context (an internal RDP logon), not an answer. */
const isAnswer = (f: FirstResponseFinding) =>
  f.question !== undefined && ANSWERING.has(f.question) && SEVERITY_RANK[f.severity] <= SEVERITY_RANK.medium;

function item(f: FirstResponseFinding): FirstResponseItem {
  return { findingId: f.id, title: f.title, severity: f.severity, firstTime: f.firstTime, hosts: f.hosts };
}

function byTime(a: FirstResponseItem, b: FirstResponseItem): number {
  return a.firstTime.localeCompare(b.firstTime) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

function tally(findings: FirstResponseFinding[], pick: (f: FirstResponseFinding) => string[] | undefined) {
  const map = new Map<string, FirstResponseValue>();
  for (const f of findings)
    for (const raw of pick(f) ?? []) {
      const value = raw.trim();
      if (!value || value === "-") continue;
      const key = value.toLowerCase();
      const entry = map.get(key) ?? { value, findingIds: [] };
      if (!entry.findingIds.includes(f.id)) entry.findingIds.push(f.id);
      map.set(key, entry);
    }
  return [...map.values()].sort(
    (a, b) => b.findingIds.length - a.findingIds.length || a.value.localeCompare(b.value),
  );
}

/** Answers from findings of medium severity and above that answer a first-response question. */
export function summariseFirstResponse(findings: FirstResponseFinding[]): FirstResponseAnswers {
  const answering = findings.filter(isAnswer);
  const of = (q: string) =>
    answering
      .filter((f) => f.question === q)
      .map(item)
      .sort(byTime);
  const all = answering.map(item).sort(byTime);
  return {
    who: tally(answering, (f) => f.accounts),
    fromWhere: tally(answering, (f) => f.remoteSources),
    whenFirst: all[0] ?? null,
    wayIn: of("way-in"),
    foothold: of("foothold"),
    turnedOff: of("evasion-impact"),
  };
}
