import { refangValue } from "@sonae/core";
import { describe, expect, it } from "vitest";
import { compactText, foldName, shippedBrandIndex } from "./brand-catalogue";
import { findHostBrandEvidence, findPathBrandEvidence, findTitleBrandEvidence } from "./brand-evidence";
import { canonicaliseUrl, SCHEME, TAB_CR_LF } from "./canonicalise-url";
import { findCaptureSignals } from "./capture-signals";
import { analyseHostScripts, isMixedScriptLabel } from "./idn-analysis";
import { canonicalIpv4, canonicalIpv6 } from "./ip-host";
import {
  HOST_NAME,
  MAX_URL_INPUT,
  normaliseReportedUrl,
  OPAQUE_SCHEME,
  SCHEME_TYPO,
} from "./normalise-reported-url";
import { unescapeRepeatedly } from "./percent-escapes";

/** 100 KB of a regex's (or parser's) own tokens, the shape that makes backtracking regexes blow up. */
function run(token: string, tail = "!"): string {
  return token.repeat(Math.ceil(100_000 / token.length)) + tail;
}

/** Times a second run: the first one pays for compilation, which says nothing about the algorithm. */
function expectFast(label: string, work: () => unknown) {
  work();
  const started = performance.now();
  work();
  const ms = performance.now() - started;
  expect(ms, `${label} took ${ms.toFixed(1)} ms`).toBeLessThan(100);
}

describe("no super-linear regex or parser on 100 KB of its own tokens", () => {
  it.each([
    ["SCHEME", SCHEME, ["a", "a+", "http:/"]],
    ["TAB_CR_LF", TAB_CR_LF, ["\t", "a\r\n"]],
    ["HOST_NAME", HOST_NAME, ["a.", "a", "a-", ".a", "a_."]],
    ["OPAQUE_SCHEME", OPAQUE_SCHEME, ["a", "a:", "a+.-"]],
    ["SCHEME_TYPO", SCHEME_TYPO, ["t", "tp", "h", "ttps:/", "/"]],
  ] as const)("%s", (label, re, tokens) => {
    for (const token of tokens) expectFast(`${label} on ${JSON.stringify(token)}`, () => re.test(run(token)));
  });

  it("canonicaliseUrl", () => {
    for (const token of [
      "%25",
      "%2525",
      "%",
      "%%32",
      "/../",
      "/./",
      "//",
      "..",
      ".",
      "#",
      "?",
      ":",
      "@",
      "[",
      " ",
      "\t",
      "é",
      "0x",
      "1.",
    ])
      expectFast(`canonicaliseUrl on ${JSON.stringify(token)}`, () =>
        canonicaliseUrl(`http://a${run(token)}`),
      );
    expectFast("host of dots", () => canonicaliseUrl(`http://a${".".repeat(100_000)}b/`));
    expectFast("leading spaces", () => canonicaliseUrl(`${" ".repeat(100_000)}a${" ".repeat(100_000)}b`));
    expectFast("unescape", () => unescapeRepeatedly(`%${"25".repeat(50_000)}`));
  });

  it("IP parsing", () => {
    for (const token of ["1.", "0x", "0", "f"]) {
      expectFast(`canonicalIpv4 on ${token}`, () => canonicalIpv4(run(token, "")));
      expectFast(`canonicalIpv6 on ${token}`, () => canonicalIpv6(`[${run(token, "")}]`));
    }
  });

  it("defang: core's refang sees at most MAX_URL_INPUT, longer input is refused before it", () => {
    // Core's refang is linear but does per-replacement bookkeeping (~70–240 ms per 100 KB of "\\." on a
    // loaded machine), so normaliseReportedUrl refuses anything over 8 KB before calling it.
    for (const token of ["[.", "[ ", "( dot", "hxxp", "h**p", "[:", "\\.", "[", "{", "hxxps[", "ｈ"]) {
      expectFast(`refangValue on ${JSON.stringify(token)}`, () =>
        refangValue(token.repeat(Math.ceil(MAX_URL_INPUT / token.length)).slice(0, MAX_URL_INPUT)),
      );
      expectFast(`normaliseReportedUrl on 100 KB of ${JSON.stringify(token)}`, () =>
        expect(normaliseReportedUrl(run(token))).toMatchObject({ ok: false, error: { code: "too_long" } }),
      );
    }
  });

  it("IDN scripts and brand matching", () => {
    expectFast("isMixedScriptLabel", () => isMixedScriptLabel(run("аa")));
    expectFast("analyseHostScripts", () => analyseHostScripts(`xn--${run("a", "")}`));
    const index = shippedBrandIndex();
    for (const token of ["amazon", "a-", "-", "rn", "аm"]) {
      expectFast(`host evidence ${token}`, () => findHostBrandEvidence(index, run(token)));
      expectFast(`path evidence ${token}`, () => findPathBrandEvidence(index, `/${run(token)}`));
      expectFast(`title evidence ${token}`, () => findTitleBrandEvidence(index, run(token)));
    }
    expectFast("compactText", () => compactText(run("-.a")));
    expectFast("foldName", () => foldName(run(" \u3000a")));
  });

  it("capture signals", () => {
    for (const token of [
      "<",
      "<a",
      "ウイルス",
      "0120-",
      "0120-12",
      "+1-8",
      "最大9",
      "90%",
      "% ",
      "カートに",
      "銀行振込",
    ])
      expectFast(`findCaptureSignals on ${JSON.stringify(token)}`, () =>
        findCaptureSignals({ title: run(token), html: run(token) }),
      );
  });
});
