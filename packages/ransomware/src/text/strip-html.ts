import { decode } from "html-entities";

/** Elements whose content is code or metadata, never visible text. */
const HIDDEN_ELEMENTS = [
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "object",
  "embed",
  "iframe",
  "svg",
];

/**
 * Turns attacker-written HTML/HTA into plain text without ever parsing it into a DOM.
 * Why hand-written: a DOM (jsdom, the browser) may fetch resources or run script; ransom notes
 * in the ThreatLabz set include `.hta` and `.html` files with `<script>` (SOURCE.md, section 1).
 * Every step is linear in the input: an unclosed "<script" or "<!--" repeated a million times
 * must not trigger quadratic regex backtracking.
 */
export function stripHtml(html: string): string {
  let text = removeBetween(html, "<!--", "-->");
  for (const tag of HIDDEN_ELEMENTS) text = removeElement(text, tag);
  // Block-level tags become line breaks so that sentences stay apart.
  text = text.replace(
    /<\/?(?:p|div|br|li|tr|h[1-6]|table|ul|ol|section|article|pre|blockquote|hr)\b[^<>]{0,2000}>/gi,
    "\n",
  );
  text = text.replace(/<[^<>]{0,2000}>/g, " ");
  // Entities are decoded once, after tags are gone, so "&lt;script&gt;" stays inert text.
  return decode(text, { level: "html5" });
}

/**
 * Text a note keeps in script strings. Some HTML notes (SunCrypt) write their whole message from
 * a JavaScript object of translations, so the visible text is a few words. The strings are read
 * as text, never evaluated; tags inside them are stripped like any other markup.
 */
export function extractScriptStrings(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let pos = 0;
  let total = 0;
  while (total < 64 * 1024) {
    const start = lower.indexOf("<script", pos);
    if (start < 0) break;
    const bodyStart = lower.indexOf(">", start);
    const end = bodyStart < 0 ? -1 : lower.indexOf("</script", bodyStart);
    if (end < 0) break;
    const body = html.slice(bodyStart + 1, end);
    for (const m of body.matchAll(/`([^`]{20,20000})`|"([^"\n]{20,2000})"|'([^'\n]{20,2000})'/g)) {
      const literal = m[1] ?? m[2] ?? m[3] ?? "";
      // Prose has spaces; code, URLs and base64 blobs mostly do not.
      if ((literal.match(/ /g)?.length ?? 0) < 3) continue;
      parts.push(literal.replace(/\\n/g, "\n").replace(/\\(["'`])/g, "$1"));
      total += literal.length;
    }
    pos = end + 8;
  }
  return parts.length > 0 ? stripHtml(parts.join("\n")) : "";
}

/** Removes `<tag …>…</tag>`; an unclosed element runs to the end of the input, as browsers do. */
function removeElement(input: string, tag: string): string {
  const lower = input.toLowerCase();
  const open = `<${tag}`;
  const close = `</${tag}`;
  let out = "";
  let pos = 0;
  for (;;) {
    let start = lower.indexOf(open, pos);
    // "<scriptx" is not a script element.
    while (start >= 0 && /[a-z0-9-]/.test(lower.charAt(start + open.length)))
      start = lower.indexOf(open, start + 1);
    if (start < 0) return out + input.slice(pos);
    out += `${input.slice(pos, start)} `;
    const end = lower.indexOf(close, start + open.length);
    if (end < 0) return out;
    const gt = lower.indexOf(">", end);
    if (gt < 0) return out;
    pos = gt + 1;
  }
}

function removeBetween(input: string, open: string, close: string): string {
  let out = "";
  let pos = 0;
  for (;;) {
    const start = input.indexOf(open, pos);
    if (start < 0) return out + input.slice(pos);
    out += `${input.slice(pos, start)} `;
    const end = input.indexOf(close, start + open.length);
    if (end < 0) return out;
    pos = end + close.length;
  }
}

/** True when the text looks like an HTML/HTA document rather than plain text that mentions a tag. */
export function isLikelyHtml(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  if (/<!doctype html|<html[\s>]|<hta:application|<head[\s>]|<body[\s>]/.test(head)) return true;
  const tags = text
    .slice(0, 65536)
    .match(/<\/?(?:div|p|br|span|table|td|font|b|center|style|script|h\d)\b/gi);
  return (tags?.length ?? 0) >= 5;
}
