import { describe, expect, it } from "vitest";
import { extractIndicators } from "./extract-indicators";

const pick = (text: string) => extractIndicators(text).map((i) => [i.kind, i.value]);

describe("extractIndicators: hand-written cases with exact output", () => {
  it("refangs URLs, domains and e-mail and reports offsets in the original text", () => {
    const text = "Go to hxxps://evil[.]example[.]co[.]jp/pay?id=7 or write to ops[@]badmail[.]ru.";
    const found = extractIndicators(text);
    expect(found).toEqual([
      {
        kind: "url",
        value: "https://evil.example.co.jp/pay?id=7",
        offsets: [{ start: 6, end: 47 }],
        defanged: true,
      },
      { kind: "domain", value: "evil.example.co.jp", offsets: [{ start: 14, end: 38 }], defanged: true },
      { kind: "email", value: "ops@badmail.ru", offsets: [{ start: 60, end: 78 }], defanged: true },
    ]);
    expect(text.slice(6, 47)).toBe("hxxps://evil[.]example[.]co[.]jp/pay?id=7");
    expect(text.slice(60, 78)).toBe("ops[@]badmail[.]ru");
  });

  it("handles (dot), [dot], [:] and \\. defanging", () => {
    expect(pick("c2 (dot) example(dot)com hxxp[:]//203.0.113[.]9/x evil\\.org")).toEqual([
      ["domain", "c2.example.com"],
      ["url", "http://203.0.113.9/x"],
      ["ipv4", "203.0.113.9"],
      ["domain", "evil.org"],
    ]);
    expect(pick("beacon at bad[dot]example[dot]net")).toEqual([["domain", "bad.example.net"]]);
  });

  it("de-duplicates one value written in several forms and keeps every offset", () => {
    const found = extractIndicators("EVIL.com, evil[.]com and evil.COM again");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "domain", value: "evil.com", defanged: true });
    expect(found[0]!.offsets.map((o) => o.start)).toEqual([0, 10, 25]);
  });

  it("does not take file names, versions or prose for domains and IPs", () => {
    expect(
      pick(
        "Open readme.txt, decrypt.exe, notes.docx, run.sh, README.md and backup.zip. " +
          "Version 1.2.3.4 and v10.0.0.1 of the tool; OID 1.3.6.1.4.1; build 10.0.19041.1; " +
          "2.Do not rename files. just in case.It happens. 256.1.1.1 is not an IP.",
      ),
    ).toEqual([]);
  });

  it("takes three-label names under file-extension TLDs and keeps real IPs", () => {
    expect(pick("cdn.evil.sh 45.9.148.12 host.example.zip")).toEqual([
      ["domain", "cdn.evil.sh"],
      ["ipv4", "45.9.148.12"],
      ["domain", "host.example.zip"],
    ]);
  });

  it("finds hashes only as whole hex runs of the right length", () => {
    const md5 = "5f33d45f79fdc967440e309765a2d04b";
    const sha1 = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3";
    const sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    expect(pick(`md5=${md5} sha1:${sha1} (${sha256.toUpperCase()})`)).toEqual([
      ["md5", md5],
      ["sha1", sha1],
      ["sha256", sha256],
    ]);
    // A 32-hex run inside a 48-hex run, an all-digit run, and a 40-hex run after "0x" (that is Ethereum).
    expect(pick(`${md5}0123456789abcdef 12345678901234567890123456789012`)).toEqual([]);
    expect(pick(`0x${sha1}`)).toEqual([["eth", `0x${sha1}`]]);
  });

  it("validates wallet checksums and Tox ID checksums", () => {
    const tox = "3B61CFD6E12D789A439816E1DE08CFDA58D76EB0B26585AA34CDA617C41D5943CDD15DB0B7E6";
    const badTox = `${tox.slice(0, -1)}7`;
    expect(
      pick(
        `pay 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa not 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb; ` +
          `BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4 not bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5; ` +
          `tox ${tox.toLowerCase()} not ${badTox}`,
      ),
    ).toEqual([
      ["btc", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"],
      ["btc", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"],
      ["tox", tox],
    ]);
  });

  it("finds Monero, Ethereum and onion addresses", () => {
    const xmr =
      "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A";
    const onion = "lockbitapt6vx57t3eeqjofwgcglmutr3a35nygvokja5uuccip4ykyd.onion";
    expect(
      pick(`XMR: ${xmr}\nETH 0x52908400098527886E0F7030069857D2E4169EE7\nblog: ${onion.toUpperCase()}`),
    ).toEqual([
      ["xmr", xmr],
      ["eth", "0x52908400098527886e0f7030069857d2e4169ee7"],
      ["onion", onion],
    ]);
    // v3 addresses end in "d" (version byte 3); a 56-char base32 name ending otherwise is not an onion service.
    expect(pick(`${"a".repeat(55)}q.onion`)).toEqual([]);
  });

  it("normalises IPv6 and rejects times and MAC addresses", () => {
    expect(pick("from 2001:DB8:0:0:0:0:0:1 and fe80::1%eth0 at 12:30:45, mac 00:1a:2b:3c:4d:5e")).toEqual([
      ["ipv6", "2001:db8::1"],
      ["ipv6", "fe80::1"],
    ]);
  });

  it("reports the host of a URL but not the domain of an e-mail address", () => {
    expect(pick("http://files.badhost.net/a.zip mail me: alice@mailprovider.com")).toEqual([
      ["url", "http://files.badhost.net/a.zip"],
      ["domain", "files.badhost.net"],
      ["email", "alice@mailprovider.com"],
    ]);
  });

  it("trims sentence punctuation from URLs but keeps balanced parentheses", () => {
    expect(pick("(see https://en.wikipedia.org/wiki/Tor_(network)).")).toEqual([
      ["url", "https://en.wikipedia.org/wiki/Tor_(network)"],
      ["domain", "en.wikipedia.org"],
    ]);
  });

  it("returns nothing for empty or indicator-free text, Japanese included", () => {
    expect(extractIndicators("")).toEqual([]);
    expect(extractIndicators("ファイルは暗号化されました。バージョン 1.2.3.4 を確認してください。")).toEqual(
      [],
    );
  });
});

describe("extractIndicators: Japanese text", () => {
  it("ends URLs at Japanese text and reads full-width ASCII", () => {
    const text =
      "詳細はhttps://evil.example.com/payを参照。ＩＰ：２０３．０．１１３．５、連絡先ｏｐｓ［＠］ｂａｄｍａｉｌ［．］ｒｕ";
    expect(pick(text)).toEqual([
      ["url", "https://evil.example.com/pay"],
      ["domain", "evil.example.com"],
      ["ipv4", "203.0.113.5"],
      ["email", "ops@badmail.ru"],
    ]);
    const ip = extractIndicators(text).find((i) => i.kind === "ipv4")!;
    expect(text.slice(ip.offsets[0]!.start, ip.offsets[0]!.end)).toBe("２０３．０．１１３．５");
  });
});
