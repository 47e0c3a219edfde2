import type { XmlElement } from "./evtx-types";

/**
 * Flattens an event into sorted `path=value` lines: every attribute and every leaf text, with
 * `<Data Name="X">` keyed by its name. Used to compare Sonae's output field by field with other
 * parsers (python-evtx, libevtx) and in golden tests. Empty values are left out, because tools
 * differ on whether an empty optional value is rendered at all.
 */
export function flattenEvent(root: XmlElement): string[] {
  const out: string[] = [];
  walk(root, root.name, out);
  return out.sort();
}

function walk(el: XmlElement, path: string, out: string[]): void {
  let hasChild = false;
  let text = "";
  for (const c of el.children) {
    if (typeof c === "string") text += c;
    else hasChild = true;
  }
  for (const [k, v] of el.attrs) if (v !== "" && k !== "xmlns") out.push(`${path}@${k}=${v}`);
  if (!hasChild) {
    if (text !== "") out.push(`${path}=${text}`);
    return;
  }
  for (const c of el.children) {
    if (typeof c === "string") continue;
    const name = c.attrs.find(([k]) => k === "Name")?.[1];
    walk(c, name !== undefined ? `${path}/${c.name}[${name}]` : `${path}/${c.name}`, out);
  }
}
