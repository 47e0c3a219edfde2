import creditCardType from "credit-card-type";

/**
 * Validation of a card number (PAN) learned by the police (issue 19 §1): separators stripped,
 * digits only, 13–19 digits, Luhn, issuer range → brand through `credit-card-type` (Braintree's
 * maintained IIN table, not hand-written ranges), and the three ways Excel damages a PAN refused
 * with their own reason: scientific notation, digits after the 15th lost, a number cell.
 *
 * Nothing here ever puts the number into an error or a reason: callers show `maskPan`.
 */
export const CARD_BRANDS = ["visa", "mastercard", "jcb", "amex", "diners", "discover", "unionpay"] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

const BRAND_OF_LIBRARY_TYPE: Record<string, CardBrand> = {
  visa: "visa",
  mastercard: "mastercard",
  jcb: "jcb",
  "american-express": "amex",
  "diners-club": "diners",
  discover: "discover",
  unionpay: "unionpay",
};

export const CARD_REFUSALS = [
  "empty",
  "not_digits",
  "excel_scientific",
  "excel_number_cell",
  "excel_truncated",
  "too_short",
  "too_long",
  "luhn",
  "unknown_brand",
  "brand_length",
] as const;
export type CardRefusal = (typeof CARD_REFUSALS)[number];

export type CardCheck = { ok: true; pan: string; brand: CardBrand } | { ok: false; reason: CardRefusal };

/** Longest raw cell we look at: a PAN with separators is < 40 characters; anything longer is not one. */
const MAX_RAW = 64;
/** `4.53E+15`, `4,53E+15` (comma-decimal locales), `4E15`: what Excel shows for a long number cell. */
const SCIENTIFIC = /^[0-9](?:[.,][0-9]{1,30})?e[+]?[0-9]{1,3}$/i;
/** Separators people and exports put inside a PAN: spaces (incl. ideographic), hyphens, dots. */
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\u30fc\uff0d.]/g;
const DIGITS = /^[0-9]+$/;

/** Luhn (ISO/IEC 7812-1 check digit) over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * The library's ranges are at most 8 digits long (its patterns, checked in card-number.test.ts),
 * so the answer depends only on the first 8 digits and the length: cached, because the library
 * scans every brand's patterns per call and bulk imports repeat the same issuers.
 */
const brandCache = new Map<string, CardBrand | "unknown" | "bad_length">();
const BRAND_CACHE_MAX = 100_000;

/** The brand of a Luhn-valid PAN, when the library's ranges and lengths agree. */
export function brandOf(pan: string): CardBrand | "unknown" | "bad_length" {
  const key = `${pan.slice(0, 8)}:${pan.length}`;
  const hit = brandCache.get(key);
  if (hit) return hit;
  const brand = brandOfUncached(pan);
  if (brandCache.size >= BRAND_CACHE_MAX) brandCache.clear();
  brandCache.set(key, brand);
  return brand;
}

function brandOfUncached(pan: string): CardBrand | "unknown" | "bad_length" {
  const matches = creditCardType(pan)
    .map((m) => ({ brand: BRAND_OF_LIBRARY_TYPE[m.type], lengths: m.lengths }))
    .filter((m): m is { brand: CardBrand; lengths: number[] } => m.brand !== undefined);
  if (matches.length === 0) return "unknown";
  const fit = matches.find((m) => m.lengths.includes(pan.length));
  return fit ? fit.brand : "bad_length";
}

/**
 * Checks one raw value. `fromNumberCell` is true when the value came from a spreadsheet cell
 * typed as a number: Excel keeps 15 significant digits, so any 16+ digit PAN there is damaged
 * even when it still looks whole.
 */
export function checkCardNumber(raw: string, fromNumberCell = false): CardCheck {
  const trimmed = raw.trim();
  if (trimmed === "") return { ok: false, reason: "empty" };
  if (trimmed.length > MAX_RAW) return { ok: false, reason: "too_long" };
  if (SCIENTIFIC.test(trimmed)) return { ok: false, reason: "excel_scientific" };
  const digits = trimmed.replace(SEPARATORS, "");
  if (!DIGITS.test(digits)) return { ok: false, reason: "not_digits" };
  if (fromNumberCell && digits.length > 15) return { ok: false, reason: "excel_number_cell" };
  if (digits.length < 13) return { ok: false, reason: "too_short" };
  if (digits.length > 19) return { ok: false, reason: "too_long" };
  if (!luhnValid(digits)) {
    // Excel rounds to 15 significant digits and pads with zeros: a 16–19 digit number whose
    // tail after the 15th digit is all zeros and which fails Luhn is that, not a typo.
    return { ok: false, reason: looksTruncated(digits) ? "excel_truncated" : "luhn" };
  }
  const brand = brandOf(digits);
  if (brand === "unknown") return { ok: false, reason: "unknown_brand" };
  if (brand === "bad_length") return { ok: false, reason: "brand_length" };
  return { ok: true, pan: digits, brand };
}

function looksTruncated(digits: string): boolean {
  return digits.length > 15 && /^0+$/.test(digits.slice(15));
}

/** PCI DSS 3.4.1: at most the first six and last four digits are ever displayed. */
export function maskPan(pan: string): string {
  return `${pan.slice(0, 6)}${"*".repeat(Math.max(0, pan.length - 10))}${pan.slice(-4)}`;
}

/** Why a value was refused, for the officer (ja first, en too). Never contains the value. */
export const CARD_REFUSAL_MESSAGES: Record<CardRefusal, { ja: string; en: string }> = {
  empty: { ja: "番号が空です。", en: "The number is empty." },
  not_digits: {
    ja: "数字以外の文字が含まれています(区切りの空白・ハイフン以外)。",
    en: "It contains characters other than digits (besides spaces and hyphens).",
  },
  excel_scientific: {
    ja: "Excel により指数表記(例: 4.53E+15)に変換されており、桁が失われています。列を「文字列」にして元データから入れ直してください。",
    en: "Excel turned it into scientific notation (e.g. 4.53E+15) and digits are lost. Format the column as text and re-enter it from the source.",
  },
  excel_number_cell: {
    ja: "Excel の数値セルに入っています。数値セルは15桁までしか保持しないため、16桁目以降が失われています。列を「文字列」にして入れ直してください。",
    en: "It is in an Excel number cell, which keeps only 15 digits: digits after the 15th are lost. Format the column as text and re-enter it.",
  },
  excel_truncated: {
    ja: "16桁目以降がすべて0でチェックディジットが合いません。Excel で末尾の桁が失われた可能性が高いです。元データを確認してください。",
    en: "Every digit after the 15th is 0 and the check digit fails: Excel most likely lost the trailing digits. Check the source data.",
  },
  too_short: {
    ja: "桁数が13桁未満です(Excel で先頭の桁やゼロが失われていないか確認してください)。",
    en: "Fewer than 13 digits (check that Excel did not drop leading digits or zeros).",
  },
  too_long: { ja: "桁数が19桁を超えています。", en: "More than 19 digits." },
  luhn: { ja: "チェックディジット(Luhn)が一致しません。", en: "The check digit (Luhn) does not match." },
  unknown_brand: {
    ja: "対象の国際ブランド(Visa、Mastercard、JCB、American Express、Diners Club、Discover、UnionPay)の番号範囲にありません。",
    en: "Not in the ranges of the brands handled (Visa, Mastercard, JCB, American Express, Diners Club, Discover, UnionPay).",
  },
  brand_length: {
    ja: "ブランドの番号範囲にありますが、そのブランドの桁数と一致しません。",
    en: "In a brand's range, but the length does not match that brand.",
  },
};
