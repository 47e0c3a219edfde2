import type { XmlElement } from "./evtx-types";

/** The System block and event data of one record, flattened for detection and timeline. */
export interface EventFields {
  provider: string;
  eventId: number;
  level: string;
  timeCreated: string;
  recordId: string;
  channel: string;
  computer: string;
  userSid: string;
  /** EventData `<Data Name=…>` values, or UserData leaf elements by name. */
  data: Record<string, string>;
}

/** Concatenated text content of an element and its descendants. */
export function getElementText(el: XmlElement): string {
  let s = "";
  for (const c of el.children) s += typeof c === "string" ? c : getElementText(c);
  return s;
}

/** First child element with the given name. */
export function findChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** Value of an attribute, or "" when absent. */
export function getAttr(el: XmlElement | undefined, name: string): string {
  if (!el) return "";
  for (const [k, v] of el.attrs) if (k === name) return v;
  return "";
}

function collectUserData(el: XmlElement, out: Record<string, string>): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.children.some((x) => typeof x !== "string")) collectUserData(c, out);
    else out[c.name] = getElementText(c);
  }
}

/**
 * Flattens a decoded event. Unnamed `<Data>` items (classic providers) get keys Data, Data1, …
 * — the numbering Sigma's Windows field mapping and Hayabusa use.
 */
export function extractEventFields(root: XmlElement): EventFields {
  const system = findChild(root, "System");
  const text = (name: string) => {
    const el = system && findChild(system, name);
    return el ? getElementText(el) : "";
  };
  const data: Record<string, string> = {};
  const eventData = findChild(root, "EventData");
  if (eventData) {
    let unnamed = 0;
    for (const c of eventData.children) {
      if (typeof c === "string") continue;
      const name = getAttr(c, "Name") || (unnamed++ === 0 ? c.name : `${c.name}${unnamed - 1}`);
      data[name] = getElementText(c);
    }
  }
  const userData = findChild(root, "UserData");
  if (userData) collectUserData(userData, data);
  return {
    provider: getAttr(system && findChild(system, "Provider"), "Name"),
    eventId: Number.parseInt(text("EventID"), 10) || 0,
    level: text("Level"),
    timeCreated: getAttr(system && findChild(system, "TimeCreated"), "SystemTime"),
    recordId: text("EventRecordID"),
    channel: text("Channel"),
    computer: text("Computer"),
    userSid: getAttr(system && findChild(system, "Security"), "UserID"),
    data,
  };
}
