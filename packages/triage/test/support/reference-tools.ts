import { execFile } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseEvtxFile } from "../../src/evtx/evtx-file-parser";
import { flattenEvent } from "../../src/evtx/evtx-flatten";
import type { XmlElement } from "../../src/evtx/evtx-types";
import { parseReferenceEvents, stripLayoutWhitespace } from "./reference-xml";

/** Result of running a reference parser over one file. */
export interface ToolRun {
  ok: boolean;
  events: XmlElement[];
  error: string;
}

/** Runs a command and resolves with stdout even when it fails (failure is data here). */
export function runTool(cmd: string, args: string[]): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 1 << 30, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({
        ok: !error,
        events: error ? [] : parseReferenceEvents(stdout).map(stripLayoutWhitespace),
        error: error ? `${stderr.split("\n").filter(Boolean).slice(-1)[0] ?? error.message}` : "",
      });
    });
  });
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** All .evtx files under a folder, sorted, relative to it. */
export function listEvtxFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.toLowerCase().endsWith(".evtx")) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out;
}

/** Sonae's own decoding of a file, in the same shape as the reference runs. */
export async function runSonae(file: string): Promise<{ events: XmlElement[]; problems: string[] }> {
  const events: XmlElement[] = [];
  const problems: string[] = [];
  // Live records only: the reference tools' default output leaves slack-space records out.
  for await (const r of parseEvtxFile(file, {
    onProblem: (p) => problems.push(`${p.kind}@${p.offset}: ${p.reason}`),
  }))
    if (!r.recovered) events.push(r.root);
  return { events, problems };
}

const TIME = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?Z?$/;
const HEXNUM = /^0x[0-9a-fA-F]+$/;
const GUID = /^\{[0-9a-fA-F-]{36}\}$/;

/**
 * Canonical form of one value so that presentation differences between tools do not count as
 * disagreements: GUID letter case, zero-padding of hex integers (libevtx pads HexInt64 to 16
 * digits, Windows does not), and timestamp layout (python-evtx prints `YYYY-MM-DD hh:mm:ss.ffffff`).
 * Times become microseconds; python-evtx's float conversion can be a few µs off, allowed by `sameValue`.
 */
export function canonicalValue(raw: string): string {
  // XML 1.0 cannot carry C0 control characters: python-evtx drops them, Sonae keeps the data.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those characters
  const v = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
  const t = TIME.exec(v);
  if (t) return `T${Date.parse(`${t[1]}T${t[2]}Z`) * 1000 + Number(`${t[3] ?? ""}000000`.slice(0, 6))}`;
  if (HEXNUM.test(v)) return `0x${BigInt(v).toString(16)}`;
  if (GUID.test(v)) return v.toUpperCase();
  // python-evtx prints booleans as Python does (True/False).
  if (v === "True" || v === "False") return v.toLowerCase();
  return v;
}

function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  // python-evtx goes through a float: a few microseconds of drift.
  if (a.startsWith("T") && b.startsWith("T")) return Math.abs(Number(a.slice(1)) - Number(b.slice(1))) <= 4;
  // python-evtx prints binary values as base64, Windows and Sonae as upper-case hex.
  const isB64 = (x: string) => /^[A-Za-z0-9+/]+=*$/.test(x);
  const hexOf = (x: string) => Buffer.from(x, "base64").toString("hex").toUpperCase();
  if (/^[0-9A-F]+$/.test(a) && isB64(b)) return hexOf(b) === a;
  if (/^[0-9A-F]+$/.test(b) && isB64(a)) return hexOf(a) === b;
  return false;
}

/**
 * python-evtx prints a string-array value as `<string>a</string>\n<string>b</string>` inside one
 * element; Windows and libevtx repeat the element per item. Expand to one line per item.
 */
function expandStringArray(line: string): string[] {
  const eq = line.indexOf("=");
  const value = line.slice(eq + 1);
  if (!value.startsWith("<string>")) return [line];
  return [...value.matchAll(/<string>([\s\S]*?)<\/string>/g)].map((m) => `${line.slice(0, eq)}=${m[1]}`);
}

/** Field lines (`path=value`, canonical) of an event. */
export function canonicalFields(el: XmlElement): string[] {
  // Whitespace-only values count as empty: libevtx drops them, python-evtx and Sonae keep them.
  return flattenEvent(el)
    .flatMap(expandStringArray)
    .filter((line) => line.slice(line.indexOf("=") + 1).trim() !== "")
    .map((line) => {
      const eq = line.indexOf("=");
      return `${line.slice(0, eq)}=${canonicalValue(line.slice(eq + 1))}`;
    });
}

/** Differences between two events' fields, as readable strings (empty when they agree). */
export function diffEvents(
  ours: XmlElement,
  theirs: XmlElement,
  ignore: (line: string) => boolean = () => false,
): string[] {
  const a = canonicalFields(ours).filter((l) => !ignore(l));
  const b = canonicalFields(theirs).filter((l) => !ignore(l));
  const diffs: string[] = [];
  const unmatched = [...b];
  for (const line of a) {
    const eq = line.indexOf("=");
    const key = line.slice(0, eq + 1);
    const j = unmatched.findIndex((o) => o.startsWith(key) && sameValue(o.slice(eq + 1), line.slice(eq + 1)));
    if (j >= 0) unmatched.splice(j, 1);
    else diffs.push(`sonae: ${line}`);
  }
  for (const line of unmatched) diffs.push(`other: ${line}`);
  return diffs;
}
