import type { XmlElement } from "./evtx-types";

const NEEDS_ESCAPE = /[&<>"]/;

function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/** Renders a decoded event as XML text (for display, export and comparison with other tools). */
export function renderEventXml(el: XmlElement): string {
  let s = `<${el.name}`;
  for (const [k, v] of el.attrs) s += ` ${k}="${escapeXml(v)}"`;
  if (el.children.length === 0) return `${s}/>`;
  s += ">";
  for (const c of el.children) s += typeof c === "string" ? escapeXml(c) : renderEventXml(c);
  return `${s}</${el.name}>`;
}
