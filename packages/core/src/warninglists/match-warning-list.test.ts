import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractIndicators } from "../indicators/extract-indicators";
import { compileWarningLists } from "./compile-warning-lists";
import { findWarningListMatches } from "./match-warning-list";
import { CONTENT_LISTS, contentListIndex, SHARED_LISTS } from "./testing/content-lists";
import { ZMispWarningList } from "./warning-list-contracts";

const { index } = contentListIndex();
const listsOf = (kind: Parameters<typeof findWarningListMatches>[1], value: string) =>
  findWarningListMatches(index, kind, value).map((m) => m.listId);

describe("warning lists on the shipped MISP data", () => {
  it("LockBit's note: twitter.com and www.torproject.org are context, its onion sites are not", () => {
    const note = readFileSync(
      path.join(SHARED_LISTS, "../ransomware/notes/lockbit/[rand].README.txt"),
      "utf8",
    );
    const found = extractIndicators(note).map((i) => ({ ...i, on: listsOf(i.kind, i.value) }));
    const byValue = (v: string) => found.find((i) => i.value === v);
    expect(byValue("https://twitter.com/hashtag/lockbit?f=live")?.on[0]).toBe("tranco10k");
    expect(byValue("https://www.torproject.org/")?.on).toContain("tranco10k");
    expect(listsOf("domain", "twitter.com")).toEqual(
      expect.arrayContaining(["tranco10k", "cloudflare-top10k"]),
    );
    expect(listsOf("domain", "www.torproject.org")).toContain("tranco10k");
    const onions = found.filter((i) => i.kind === "onion");
    expect(onions.length).toBeGreaterThan(0);
    expect(onions.every((i) => i.on.length === 0)).toBe(true);
  });

  it("hostname lists match the host and every name under it, string lists only the exact value", () => {
    expect(listsOf("url", "https://bit.ly/3xYzAb")).toContain("url-shortener");
    expect(listsOf("domain", "co.jp")).toContain("second-level-tlds");
    expect(listsOf("domain", "kaisha-example.co.jp")).not.toContain("second-level-tlds");
    expect(listsOf("domain", "example.com")).toContain("rfc6761");
    expect(listsOf("domain", "www.example.com")).not.toContain("rfc6761");
    expect(listsOf("domain", "www.example.com")).toContain("sonae-special-purpose-names");
    expect(listsOf("domain", "contirecovery.info")).toEqual([]);
  });

  it("CIDR lists hold ranges, bare addresses and IPv6; an IPv4-mapped address is judged as IPv4", () => {
    expect(listsOf("ipv4", "172.16.0.0")).toContain("rfc1918");
    expect(listsOf("ipv4", "172.31.255.255")).toContain("rfc1918");
    expect(listsOf("ipv4", "172.15.255.255")).not.toContain("rfc1918");
    expect(listsOf("ipv4", "172.32.0.0")).not.toContain("rfc1918");
    expect(listsOf("ipv4", "8.8.8.8")).toContain("public-dns-v4");
    expect(listsOf("ipv4", "104.16.5.5")).toContain("cloudflare");
    expect(listsOf("ipv6", "2001:db8::1")).toContain("rfc3849");
    expect(listsOf("ipv6", "fe80::1")).toContain("ipv6-linklocal");
    expect(listsOf("ipv6", "fd12:3456::1")).toContain("sonae-special-purpose-v6");
    expect(listsOf("ipv6", "::ffff:c0a8:1")).toContain("rfc1918");
    expect(listsOf("url", "http://192.168.10.5/share")).toContain("rfc1918");
    expect(listsOf("ipv4", "45.9.148.12")).toEqual([]);
  });

  it("substring and regex lists as MISP defines them; hashes; wallets and e-mails stay indicators", () => {
    expect(listsOf("url", "https://app.any.run/tasks/1234")).toContain("automated-malware-analysis");
    expect(listsOf("email", "abuse@isp-example.ne.jp")).toContain("common-contact-emails");
    expect(listsOf("email", "lockbitsupp@onionmail.org")).toEqual([]);
    expect(listsOf("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")).toContain(
      "empty-hashes",
    );
    expect(listsOf("btc", "bc1qu7f2m5r7al0fmank5mkq0xju3z3rkdvj778v45")).toEqual([]);
  });

  it.each([
    ["ipv4", "10.0.5.10", true],
    ["ipv4", "100.64.1.1", true],
    ["ipv4", "161.35.200.18", false],
    ["ipv6", "2a01:4f8::1", false],
    ["domain", "onionmail.org", true],
    ["domain", "d1234.cloudfront.net", true],
    ["url", "https://bucket.s3.amazonaws.com/x", true],
    ["sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709", true],
    ["md5", "0123456789abcdef0123456789abcdef", false],
  ] as const)("%s %s is context: %s", (kind, value, context) => {
    expect(listsOf(kind, value).length > 0).toBe(context);
  });

  it("each match names its list and the date of its data", () => {
    const [tranco] = findWarningListMatches(index, "domain", "www.torproject.org").filter(
      (m) => m.listId === "tranco10k",
    );
    expect(tranco).toMatchObject({ entry: "torproject.org", date: "2025-01-15", dateBasis: "list-version" });
    expect(tranco?.name.ja).toContain("Tranco");
    const [rfc] = findWarningListMatches(index, "ipv4", "10.0.0.1");
    expect(rfc).toMatchObject({ listId: "rfc1918", date: "2026-08-20", dateBasis: "snapshot" });
  });

  it("every list of the MISP snapshot is valid and compiles without a rejected entry", () => {
    const dir = path.join(SHARED_LISTS, "lists");
    const lists = readdirSync(dir).map((name) => ({
      ...ZMispWarningList.parse(JSON.parse(readFileSync(path.join(dir, name, "list.json"), "utf8"))),
      id: name,
      nameJa: name,
      snapshotDate: "2026-08-20",
    }));
    const all = compileWarningLists(lists);
    // phone_numbers writes its patterns with a /g flag, which PHP's preg_match refuses too (so MISP never
    // matches them); every other entry of all 136 lists is read.
    expect(new Set(all.rejected.map((r) => r.listId))).toEqual(new Set(["phone_numbers"]));
    const shipped = readdirSync(path.join(CONTENT_LISTS, "misp"));
    expect(shipped.length).toBeGreaterThan(30);
    expect(all.labels.length).toBe(lists.length);
  });

  it("lookups stay fast on long hostile values", () => {
    const started = performance.now();
    findWarningListMatches(index, "email", `abuse@${"a.".repeat(5_000)}`);
    findWarningListMatches(index, "email", `abuse@${"a".repeat(2_000)}`);
    findWarningListMatches(index, "email", `security@${".".repeat(2_000)}`);
    findWarningListMatches(index, "domain", `${"a.".repeat(1_000)}com`);
    findWarningListMatches(index, "url", `https://${"x".repeat(2_000)}.com/${"a".repeat(2_000)}`);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
