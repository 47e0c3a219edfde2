import type { XmlElement } from "../../src/evtx/evtx-types";

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return ENTITY[e] ?? m;
  });
}

/**
 * Minimal XML reader for the outputs of `evtx_dump.py` and `evtxexport -f xml`: returns every
 * top-level `<Event>` element. Enough for the well-formed XML those tools print; not general.
 */
export function parseReferenceEvents(xml: string): XmlElement[] {
  const events: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const re =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*"[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [, close, name, attrText, selfClose, text] = m;
    if (text !== undefined) {
      const top = stack.at(-1);
      if (top) top.children.push(decodeEntities(text));
      continue;
    }
    if (!name) continue;
    if (close) {
      const done = stack.pop();
      if (done && stack.length === 0 && done.name === "Event") events.push(done);
      continue;
    }
    if (name === "Events" && stack.length === 0) continue;
    const attrs: Array<[string, string]> = [];
    for (const a of (attrText ?? "").matchAll(/([\w.:-]+)\s*=\s*"([^"]*)"/g))
      attrs.push([a[1] as string, decodeEntities(a[2] as string)]);
    const el: XmlElement = { name, attrs, children: [] };
    stack.at(-1)?.children.push(el);
    if (selfClose) {
      if (stack.length === 0 && name === "Event") events.push(el);
    } else stack.push(el);
  }
  return events;
}

/** Drops whitespace-only text between elements (pretty-printing by the reference tools). */
export function stripLayoutWhitespace(el: XmlElement): XmlElement {
  const hasElements = el.children.some((c) => typeof c !== "string");
  return {
    name: el.name,
    attrs: el.attrs,
    children: hasElements
      ? el.children
          .filter((c) => typeof c !== "string" || c.trim() !== "")
          .map((c) => (typeof c === "string" ? c : stripLayoutWhitespace(c)))
      : el.children,
  };
}
