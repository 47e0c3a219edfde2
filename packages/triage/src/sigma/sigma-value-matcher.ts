import { compileRepeatedCharRegex } from "./repeated-char-regex";

/**
 * Compiles one Sigma field condition (`Field|mod1|mod2: value(s)`) into a predicate on the field's
 * text (Sigma specification v2, "Value modifiers"). Matching is case-insensitive except `re`.
 * Unsupported modifiers throw, so a rule is reported as unsupported instead of matching wrongly.
 */
export type ValuePredicate = (
  value: string | undefined,
  event: { get(name: string): string | undefined },
  /** `value` lower-cased, when the caller has it already (saves lower-casing per rule). */
  lower?: string,
) => boolean;

/** A test on the raw value and its lower-case form. */
type ValueTest = (v: string, lower: string) => boolean;

const DASHES = ["-", "/", "\u2013", "\u2014", "\u2015"];

function wildcardToRegExp(pattern: string, mode: "exact" | "contains" | "startswith" | "endswith"): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "\\" && (pattern[i + 1] === "*" || pattern[i + 1] === "?" || pattern[i + 1] === "\\")) {
      re += `\\${pattern[++i]}`;
    } else if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  const start = mode === "exact" || mode === "startswith" ? "^" : "";
  const end = mode === "exact" || mode === "endswith" ? "$" : "";
  return new RegExp(`${start}${re}${end}`, "i");
}

/** The three base64 encodings of `bytes` at each alignment, trimmed as pySigma's base64offset does. */
export function base64Offsets(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const encoded = Buffer.concat([Buffer.alloc(i, 0x20), bytes]).toString("base64");
    const start = [0, 2, 3][i] as number;
    const endTrim = [0, 3, 2][(bytes.length + i) % 3] as number;
    out.push(encoded.slice(start, endTrim ? encoded.length - endTrim : undefined));
  }
  return out;
}

function ipv4ToInt(ip: string): number | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d+$/.test(p) || v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

function cidrMatcher(cidr: string): (v: string) => boolean {
  const [net, bits] = cidr.split("/");
  const base = ipv4ToInt(net ?? "");
  if (base === null) return (v) => v.toLowerCase().startsWith((net ?? "").toLowerCase().replace(/::$/, ":"));
  const size = 2 ** (32 - Number(bits ?? 32));
  return (v) => {
    const ip = ipv4ToInt(v);
    return ip !== null && Math.floor(ip / size) === Math.floor(base / size);
  };
}

/** Builds the predicate for one field condition. */
export function compileFieldCondition(modifiers: string[], rawValues: unknown[]): ValuePredicate {
  const mods = new Set(modifiers);
  for (const m of mods) {
    if (
      ![
        "contains",
        "startswith",
        "endswith",
        "all",
        "windash",
        "re",
        "i",
        "m",
        "s",
        "base64offset",
        "base64",
        "wide",
        "utf16le",
        "cidr",
        "exists",
        "fieldref",
        "gt",
        "gte",
        "lt",
        "lte",
        "cased",
      ].includes(m)
    ) {
      throw new Error(`unsupported modifier |${m}`);
    }
  }
  const all = mods.has("all");
  if (mods.has("exists")) {
    const want = rawValues[0] === true || rawValues[0] === "true";
    return (v) => (v !== undefined) === want;
  }
  if (mods.has("fieldref")) {
    const refs = rawValues.map(String);
    return (v, event) =>
      refs[all ? "every" : "some"](
        (r) => v !== undefined && v.toLowerCase() === (event.get(r) ?? "").toLowerCase(),
      );
  }
  const tests: ValueTest[] = [];
  for (const raw of rawValues) {
    if (raw === null) {
      tests.push((v) => v === "");
      continue;
    }
    const value = String(raw);
    if (mods.has("re")) {
      const flags = `${mods.has("i") ? "i" : ""}${mods.has("m") ? "m" : ""}${mods.has("s") ? "s" : ""}`;
      const inline = /^\(\?([ims]+)\)/.exec(value);
      const source = inline ? value.slice(inline[0].length) : value;
      const allFlags = [...new Set(flags + (inline?.[1] ?? ""))].join("");
      const counted = compileRepeatedCharRegex(source, allFlags);
      const re = new RegExp(source, allFlags);
      tests.push(counted ?? ((v) => re.test(v)));
      continue;
    }
    if (mods.has("cidr")) {
      tests.push(cidrMatcher(value));
      continue;
    }
    if (mods.has("gt") || mods.has("gte") || mods.has("lt") || mods.has("lte")) {
      const n = Number(value);
      tests.push((v) => {
        const x = Number(v);
        return mods.has("gt") ? x > n : mods.has("gte") ? x >= n : mods.has("lt") ? x < n : x <= n;
      });
      continue;
    }
    let variants = [value];
    if (mods.has("windash")) variants = DASHES.map((d) => value.replace(/(^|\s)[-/]/g, `$1${d}`));
    if (mods.has("base64offset") || mods.has("base64")) {
      const wide = mods.has("wide") || mods.has("utf16le");
      variants = variants.flatMap((x) => {
        const bytes = Buffer.from(x, wide ? "utf16le" : "utf8");
        return mods.has("base64") ? [bytes.toString("base64")] : base64Offsets(bytes);
      });
    }
    const mode = mods.has("contains")
      ? "contains"
      : mods.has("startswith")
        ? "startswith"
        : mods.has("endswith")
          ? "endswith"
          : "exact";
    tests.push(compileVariants(variants, mode, mods.has("cased")));
  }
  return (v, _event, lower) => {
    if (v === undefined) return rawValues.length === 1 && rawValues[0] === null;
    const l = lower ?? v.toLowerCase();
    if (all) {
      for (const t of tests) if (!t(v, l)) return false;
      return true;
    }
    for (const t of tests) if (t(v, l)) return true;
    return false;
  };
}

/**
 * Values without wildcards are compared as lower-case strings (the value lower-cased once per
 * test), which is far cheaper than one case-insensitive RegExp per value; wildcards keep a RegExp.
 */
function compileVariants(
  variants: string[],
  mode: "exact" | "contains" | "startswith" | "endswith",
  isCased: boolean,
): ValueTest {
  const plain: string[] = [];
  const res: RegExp[] = [];
  for (const x of variants) {
    if (/[*?]/.test(x) || (x.includes("\\") && /\\[*?\\]/.test(x))) {
      const re = wildcardToRegExp(x, mode);
      res.push(isCased ? new RegExp(re.source) : re);
    } else plain.push(isCased ? x : x.toLowerCase());
  }
  const test =
    mode === "contains"
      ? (v: string) => plain.some((p) => v.includes(p))
      : mode === "startswith"
        ? (v: string) => plain.some((p) => v.startsWith(p))
        : mode === "endswith"
          ? (v: string) => plain.some((p) => v.endsWith(p))
          : (v: string) => plain.some((p) => v === p);
  if (res.length === 0) return isCased ? test : (_v, lower) => test(lower);
  return (v, lower) => (plain.length > 0 && test(isCased ? v : lower)) || res.some((re) => re.test(v));
}
