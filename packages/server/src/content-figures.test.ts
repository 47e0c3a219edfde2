import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * Facts shown to users carry their source and the period of their data (issue 13 §8): a survey figure
 * without its year reads as current, and one credited to the wrong document cannot be checked. Every
 * text in content/ that states a figure (a percentage, "N割", "半数") must name its source and period,
 * in the text itself or in the citation next to it.
 */
const CONTENT = path.resolve(import.meta.dirname, "../../../content");
// Verbatim third-party data (rules, notes, catalogues, lists) and generated schemas state no survey figures.
const SKIP = new Set(["sigma", "ransomware", "kev", "warninglists", "report"]);

const FIGURE = /\d+(?:\.\d+)?\s*[%％]|[0-9０-９一二三四五六七八九十]+割|半数|\bhalf of the\b/i;
const PERIOD = /(?:令和|平成)\s*\d+\s*年|\b(?:19|20)\d\d\b|上半期|下半期|first half|second half/i;
const SOURCE = /警察庁|NPA|National Police Agency|出典|Source/i;

type Leaf = { file: string; at: string; text: string; ancestors: unknown[] };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return SKIP.has(name) ? [] : files(full);
    return /\.(json|ya?ml)$/.test(name) ? [full] : [];
  });
}

function leaves(value: unknown, file: string, at: string, ancestors: unknown[], out: Leaf[]) {
  if (typeof value === "string") out.push({ file, at, text: value, ancestors });
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) leaves(v, file, `${at}[${i}]`, ancestors, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) leaves(v, file, `${at}.${k}`, [value, ...ancestors], out);
}

/** The citation objects next to a text: its own object's or a parent's `citation(s)` / `source`. */
function citationsNear(leaf: Leaf): string {
  return leaf.ancestors
    .slice(0, 3)
    .flatMap((a) => {
      const o = a as Record<string, unknown>;
      return [o.citation, o.citations, typeof o.source === "object" ? o.source : undefined];
    })
    .filter(Boolean)
    .map((c) => JSON.stringify(c))
    .join(" ");
}

function figures(): Leaf[] {
  const out: Leaf[] = [];
  for (const file of files(CONTENT)) {
    const raw = readFileSync(file, "utf8");
    leaves(file.endsWith(".json") ? JSON.parse(raw) : parse(raw), path.relative(CONTENT, file), "", [], out);
  }
  return out.filter((l) => FIGURE.test(l.text));
}

describe("figures in content/", () => {
  const found = figures();

  it("finds the survey figures the texts state (the check below is not vacuous)", () => {
    expect(found.length).toBeGreaterThanOrEqual(10);
    expect(found.some((f) => f.text.includes("7割以上"))).toBe(true);
    expect(found.some((f) => f.text.includes("6割以上"))).toBe(true);
  });

  it("each names its source and the period of its data", () => {
    const missing = found
      .map((f) => {
        const near = citationsNear(f);
        const source = SOURCE.test(f.text) || near.length > 0;
        const period = PERIOD.test(f.text);
        return source && period
          ? null
          : `${f.file}${f.at}: ${source ? "" : "no source "}${period ? "" : "no period "}— ${f.text.slice(0, 80)}`;
      })
      .filter(Boolean);
    expect(missing).toEqual([]);
  });

  it("no longer credits the 2024 first-half VPN/RDP figure to anything as current, nor calls the notice 事務連絡", () => {
    expect(found.filter((f) => f.text.includes("8割強"))).toEqual([]);
    const all: Leaf[] = [];
    for (const file of files(CONTENT)) {
      const raw = readFileSync(file, "utf8");
      leaves(
        file.endsWith(".json") ? JSON.parse(raw) : parse(raw),
        path.relative(CONTENT, file),
        "",
        [],
        all,
      );
    }
    expect(all.filter((l) => l.text.includes("事務連絡")).map((l) => `${l.file}${l.at}`)).toEqual([]);
  });
});
