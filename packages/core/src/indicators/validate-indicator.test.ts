import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZIndicator, ZIndicatorInput } from "./indicator-schema";
import { keccak256, sha3_256 } from "./keccak";
import { normaliseIndicator, validateIndicator } from "./normalise-indicator";
import { sha256 } from "./sha256";

describe("normaliseIndicator", () => {
  it.each([
    ["domain", " Evil[.]EXAMPLE.com. ", "evil.example.com"],
    ["domain", "例え.jp", "xn--r8jz45g.jp"],
    ["url", "hxxps://Evil[.]Example[.]com/Path?Q=1", "https://evil.example.com/Path?Q=1"],
    ["email", "Ops[@]BadMail[.]RU", "ops@badmail.ru"],
    ["ipv6", "2001:0DB8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329"],
    ["ipv6", "::ffff:192.0.2.128", "::ffff:c000:280"],
    ["onion", "http://www.gandcrabmfe6mnef.onion/x", "gandcrabmfe6mnef.onion"],
    [
      "tox",
      "3b61cfd6e12d789a439816e1de08cfda58d76eb0b26585aa34cda617c41d5943cdd15db0b7e6",
      "3B61CFD6E12D789A439816E1DE08CFDA58D76EB0B26585AA34CDA617C41D5943CDD15DB0B7E6",
    ],
    ["sha1", "A94A8FE5CCB19BA61C4C0873D391E987982FBBD3", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"],
    ["btc", "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"],
  ] as const)("%s %s → %s", (kind, input, expected) => {
    expect(normaliseIndicator(kind, input)).toBe(expected);
  });
});

const XMR_FUND =
  "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A";

describe("validateIndicator", () => {
  it.each([
    ["ipv4", "8.8.8.8", true],
    ["ipv4", "256.1.1.1", false],
    ["ipv4", "010.1.1.1", false],
    ["ipv6", "fe80::1", true],
    ["ipv6", "1::2::3", false],
    ["domain", "readme.md", true], // typed on purpose: allowed when validating a single value
    ["domain", "readme.txt", false],
    ["domain", "-bad.com", false],
    ["url", "http://192.0.2.1:8080/x", true],
    ["url", "javascript:alert(1)", false],
    ["email", "a@b", false],
    ["btc", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", true],
    ["btc", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", false],
    ["btc", "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", true],
    ["btc", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdQ", false], // mixed case is invalid (BIP 173)
    // Monero General Fund donation address (getmonero.org), then one character changed and a made-up string.
    ["xmr", XMR_FUND, true],
    ["xmr", `${XMR_FUND.slice(0, 50)}${XMR_FUND[50] === "a" ? "b" : "a"}${XMR_FUND.slice(51)}`, false],
    ["xmr", `4${"A".repeat(94)}`, false],
    // EIP-55 test vectors: valid mixed case, then one letter's case flipped; all-lower has no checksum.
    ["eth", "0x52908400098527886E0F7030069857D2E4169EE7", true],
    ["eth", "0x52908400098527886E0F7030069857D2E4169Ee7", false],
    ["eth", "0xde709f2102306220921060314715629080e2fb77", true],
    // A real v3 address from a note with one character changed: the SHA3 checksum no longer matches.
    ["onion", "akiral2iz6a7qgd3ayp3l6yub7xx2uep76idk3u2kollpj5z3z637bad.onion", false],
    ["onion", "akiral2iz6a7qgd3ayp3l6yub7xx2uep76idk3u2kollpj5z3z636bad.onion", true],
    ["onion", "akiral2iz6a7qgd3ayp3l6yub7xx2uep76idk3u2kollpj5z3z636baa.onion", false],
    ["tox", "3B61CFD6E12D789A439816E1DE08CFDA58D76EB0B26585AA34CDA617C41D5943CDD15DB0B7E7", false],
    ["md5", "d41d8cd98f00b204e9800998ecf8427e", true],
    ["sha256", "d41d8cd98f00b204e9800998ecf8427e", false],
  ] as const)("%s %s → %s", (kind, value, expected) => {
    expect(validateIndicator(kind, value)).toBe(expected);
  });
});

describe("ZIndicator and ZIndicatorInput", () => {
  it("accepts a normalised indicator and rejects an invalid or unnormalised one", () => {
    const ok = { kind: "domain", value: "evil.com", offsets: [{ start: 0, end: 8 }], defanged: false };
    expect(ZIndicator.parse(ok)).toEqual(ok);
    expect(ZIndicator.safeParse({ ...ok, value: "EVIL.com" }).success).toBe(false);
    expect(ZIndicator.safeParse({ ...ok, kind: "ipv4" }).success).toBe(false);
    expect(ZIndicator.safeParse({ ...ok, offsets: [{ start: 8, end: 8 }] }).success).toBe(false);
  });

  it("normalises typed-in values and rejects bad ones", () => {
    expect(ZIndicatorInput.parse({ kind: "domain", value: " Evil[.]COM " })).toEqual({
      kind: "domain",
      value: "evil.com",
    });
    expect(
      ZIndicatorInput.safeParse({ kind: "btc", value: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb" }).success,
    ).toBe(false);
  });
});

describe("sha3_256 and keccak256 (onion, Monero, EIP-55 checksums)", () => {
  it("agree with node:crypto SHA3-256 around the 136-byte rate and with the Keccak-256 empty-input vector", () => {
    for (const n of [0, 1, 135, 136, 137, 300]) {
      const data = new Uint8Array(n).map((_, i) => (i * 13 + 1) & 255);
      expect(Buffer.from(sha3_256(data)).toString("hex")).toBe(
        createHash("sha3-256").update(data).digest("hex"),
      );
    }
    expect(Buffer.from(keccak256(new Uint8Array())).toString("hex")).toBe(
      "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
    );
  });
});

describe("sha256 (used for Base58Check)", () => {
  it("agrees with node:crypto on inputs around the block boundaries", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 1000]) {
      const data = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 255);
      expect(Buffer.from(sha256(data)).toString("hex")).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });
});
