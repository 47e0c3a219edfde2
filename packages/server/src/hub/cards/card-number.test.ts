import { describe, expect, it } from "vitest";
import {
  brandOf,
  CARD_REFUSAL_MESSAGES,
  CARD_REFUSALS,
  checkCardNumber,
  luhnValid,
  maskPan,
} from "./card-number";

/**
 * Only the brands' and payment processors' published TEST numbers are used here (never a real
 * card): they are Luhn-valid and sit in each brand's issuer range.
 */
const PUBLIC_TEST_NUMBERS = {
  visa: ["4111111111111111", "4012888888881881", "4242424242424242"],
  mastercard: ["5555555555554444", "5105105105105100", "2223003122003222"],
  amex: ["378282246310005", "371449635398431"],
  diners: ["30569309025904", "38520000023237"],
  discover: ["6011111111111117", "6011000990139424"],
  jcb: ["3530111333300000", "3566002020360505"],
  unionpay: ["6200000000000005"],
} as const;

describe("checkCardNumber", () => {
  it("accepts each brand's public test numbers and names the brand", () => {
    for (const [brand, numbers] of Object.entries(PUBLIC_TEST_NUMBERS))
      for (const n of numbers) expect(checkCardNumber(n), n).toEqual({ ok: true, pan: n, brand });
  });

  it("strips spaces, hyphens, dots and full-width separators", () => {
    for (const raw of [
      "4111 1111 1111 1111",
      "4111-1111-1111-1111",
      " 4111.1111.1111.1111 ",
      "4111　1111　1111　1111",
    ])
      expect(checkCardNumber(raw)).toEqual({ ok: true, pan: "4111111111111111", brand: "visa" });
  });

  it("refuses Excel's scientific notation", () => {
    for (const raw of ["4.53E+15", "4.11111111111111E+15", "4,53E+15", "4E15", "5.55555555555544e+15"])
      expect(checkCardNumber(raw), raw).toEqual({ ok: false, reason: "excel_scientific" });
  });

  it("refuses a 16-digit number whose digits after the 15th became zeros", () => {
    // 4111111111111111 kept to 15 significant digits by Excel.
    expect(checkCardNumber("4111111111111110")).toEqual({ ok: false, reason: "excel_truncated" });
    expect(checkCardNumber("4012888888881880")).toEqual({ ok: false, reason: "excel_truncated" });
    // A genuine number ending in 0 that passes Luhn is kept (5105105105105100 is a public test number).
    expect(checkCardNumber("5105105105105100").ok).toBe(true);
  });

  it("refuses a 16+ digit value read from a number cell even when it still passes Luhn", () => {
    expect(checkCardNumber("4111111111111111", true)).toEqual({ ok: false, reason: "excel_number_cell" });
    // 15 digits fit in a number cell exactly (American Express).
    expect(checkCardNumber("378282246310005", true).ok).toBe(true);
  });

  it("refuses numbers that lost leading digits, and other malformed values", () => {
    expect(checkCardNumber("111111111111")).toEqual({ ok: false, reason: "too_short" });
    expect(checkCardNumber("")).toEqual({ ok: false, reason: "empty" });
    expect(checkCardNumber("4111x11111111111")).toEqual({ ok: false, reason: "not_digits" });
    expect(checkCardNumber("41111111111111111111")).toEqual({ ok: false, reason: "too_long" });
    expect(checkCardNumber("4111111111111112")).toEqual({ ok: false, reason: "luhn" });
    expect(checkCardNumber("1234567812345670")).toEqual({ ok: false, reason: "unknown_brand" });
    expect(checkCardNumber("4".repeat(100))).toEqual({ ok: false, reason: "too_long" });
  });

  it("has a ja and an en message for every refusal", () => {
    for (const r of CARD_REFUSALS) {
      expect(CARD_REFUSAL_MESSAGES[r].ja.length).toBeGreaterThan(3);
      expect(CARD_REFUSAL_MESSAGES[r].en.length).toBeGreaterThan(3);
    }
  });
});

describe("luhn, brand and mask", () => {
  it("computes Luhn", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });

  it("relies on the library's ranges being at most 8 digits (the brand cache keys on them)", async () => {
    const { default: types } = (await import("credit-card-type/dist/lib/card-types.js")) as unknown as {
      default: Record<string, { patterns: (number | number[])[] }>;
    };
    const longest = Math.max(
      ...Object.values(types).flatMap((t) =>
        t.patterns.map((p) => String(Array.isArray(p) ? p[1] : p).length),
      ),
    );
    expect(longest).toBeLessThanOrEqual(8);
  });

  it("reports a brand range with the wrong length", () => {
    expect(brandOf("4222222222222")).toBe("bad_length");
  });

  it("masks to first six and last four", () => {
    expect(maskPan("4111111111111111")).toBe("411111******1111");
    expect(maskPan("378282246310005")).toBe("378282*****0005");
  });
});

describe("regexes against long runs of their own tokens (100 KB each)", () => {
  const tokens = ["1", "e", "E", "+", ".", ",", " ", "-", "　", "1.", "1e", "1e+", "4.5E+"];
  for (const token of tokens) {
    it(`stays fast on ${JSON.stringify(token)} × 100 KB`, () => {
      const long = token.repeat(Math.ceil(100_000 / token.length));
      const started = performance.now();
      expect(checkCardNumber(long).ok).toBe(false);
      expect(checkCardNumber(`${long}x`).ok).toBe(false);
      // The length guard is what protects checkCardNumber; the patterns themselves must also be linear.
      expect(/^[0-9](?:[.,][0-9]{1,30})?e[+]?[0-9]{1,3}$/i.test(long)).toBe(false);
      long.replace(/[\s\u3000\-\u2010-\u2015\u30fc\uff0d.]/g, "");
      expect(performance.now() - started).toBeLessThan(200);
    });
  }
});
