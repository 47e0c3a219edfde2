import { describe, expect, it } from "vitest";
import { normaliseReportedUrl } from "./normalise-reported-url";
import type { NormalisedUrl } from "./url-contracts";

function normalised(raw: string): NormalisedUrl {
  const result = normaliseReportedUrl(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error.code}`);
  return result.url;
}

describe("normaliseReportedUrl", () => {
  it("accepts defanged spellings and flags them", () => {
    for (const raw of [
      "hxxps://login-smbc[.]example[.]top/verify",
      "hxxps[:]//login-smbc(.)example(.)top/verify",
      "ttps://login-smbc.example.top/verify",
      "ｈｔｔｐｓ：／／login-smbc．example．top/verify",
      "hhttps://login-smbc.example.top/verify",
      "htps://login-smbc.example.top/verify",
      "https:///login-smbc.example.top/verify",
      "https://\ufefflogin-smbc.exam\u200bple.top/verify",
    ]) {
      const url = normalised(raw);
      expect(url.canonical, raw).toBe("https://login-smbc.example.top/verify");
      expect(url.flags, raw).toContain("defanged");
    }
    expect(normalised("https://login-smbc.example.top/verify").flags).not.toContain("defanged");
  });

  it("gives one dedup key to different spellings of one URL", () => {
    const a = normalised("http://EXAMPLE.top:80/a/./b/../c#top");
    const b = normalised("hxxp://example[.]top/a/c");
    expect(a.canonical).toBe("http://example.top/a/c");
    expect(a.canonicalSha256).toBe(b.canonicalSha256);
    expect(a.canonicalSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.flags).not.toContain("nonstandard_port");
  });

  it("shows IDN in Unicode and flags mixed scripts and confusables", () => {
    // Cyrillic "а" (U+0430) in place of Latin "a".
    const spoof = normalised("https://аmazon.co.jp/ap/signin");
    expect(spoof.host).toBe("xn--mazon-3ve.co.jp");
    expect(spoof.hostUnicode).toBe("аmazon.co.jp");
    expect(spoof.flags).toEqual(expect.arrayContaining(["idn", "mixed_script", "confusable"]));
    // A Japanese name is IDN but neither mixed nor confusable.
    const japanese = normalised("https://日本語ドメイン.jp/");
    expect(japanese.flags).toContain("idn");
    expect(japanese.flags).not.toContain("mixed_script");
    expect(japanese.flags).not.toContain("confusable");
    expect(japanese.hostUnicode).toBe("日本語ドメイン.jp");
    // Whole-script Cyrillic look-alike of "apple": single script, but confusable.
    expect(normalised("http://аррӏе.com/").flags).toEqual(expect.arrayContaining(["idn", "confusable"]));
  });

  it("finds the registrable domain with the Public Suffix List, private suffixes included", () => {
    expect(normalised("https://a.b.example.co.jp/").registrableDomain).toBe("example.co.jp");
    expect(normalised("https://evil-bank.web.app/").registrableDomain).toBe("evil-bank.web.app");
    expect(normalised("http://3279880203/").registrableDomain).toBeNull();
  });

  it("flags IP hosts, ports and userinfo", () => {
    const url = normalised("http://www.smbc.co.jp@0xc37f000b:8080/login");
    expect(url.host).toBe("195.127.0.11");
    expect(url.ip).toBe("195.127.0.11");
    expect(url.flags).toEqual(expect.arrayContaining(["ip_host", "nonstandard_port", "userinfo"]));
  });

  it("puts shorteners and link-in-bio hosts in context from the shipped warning lists", () => {
    const short = normalised("https://bit.ly/3abcDEF");
    expect(short.flags).toEqual(expect.arrayContaining(["shortener", "warning_list"]));
    expect(short.context.map((c) => c.listId)).toContain("url-shortener");
    expect(short.context.find((c) => c.listId === "url-shortener")?.listName).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(normalised("https://linktr.ee/someone").flags).toContain("link_in_bio");
    const plain = normalised("https://login-smbc.example.top/");
    expect(plain.context).toEqual([]);
    expect(plain.flags).not.toContain("warning_list");
  });

  it("refuses what is not a web URL, with a Japanese and English message", () => {
    const cases: [string, string][] = [
      ["", "empty"],
      ["   ", "empty"],
      [`http://a.example/${"x".repeat(9000)}`, "too_long"],
      ["javascript://alert(1)", "unsupported_scheme"],
      ["mailto:someone@example.com", "unsupported_scheme"],
      ["data:text/html,<h1>x</h1>", "unsupported_scheme"],
      ["http:///", "no_host"],
      ["https://?q=1", "no_host"],
      ["http://intranet/", "invalid_host"],
      [`http://${"a".repeat(250)}.example/`, "invalid_host"],
    ];
    for (const [raw, code] of cases) {
      const result = normaliseReportedUrl(raw);
      expect(result.ok, raw).toBe(false);
      if (!result.ok) {
        expect(result.error.code, raw).toBe(code);
        expect(result.error.message.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
        expect(result.error.message.en.length).toBeGreaterThan(5);
      }
    }
  });
});
