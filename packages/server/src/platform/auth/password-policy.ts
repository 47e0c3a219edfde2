import { AppError } from "@sonae/core";
import { strengthChecker } from "./password-strength";

/** Facts about the account a password must not be built from (NIST SP 800-63B §5.1.1.2 context words). */
export type PasswordContext = { email: string; displayName?: string; organisationName?: string };

const MESSAGES = {
  common: {
    ja: "このパスワードはよく使われている、または漏えいしたパスワードの一覧に近いため使えません。他人に推測されない長いフレーズにしてください。",
    en: "This password is common or close to ones in lists of breached passwords. Choose a longer phrase nobody could guess.",
  },
  context: {
    ja: "組織名・メールアドレス・氏名など、あなたや組織に関係する語をもとにしたパスワードは使えません。",
    en: "The password must not be built from words about you or your organisation (organisation name, e-mail, name).",
  },
  repetitive: {
    ja: "同じ文字や並びの繰り返しはパスワードに使えません。",
    en: "A password cannot be a repetition of the same characters or pattern.",
  },
  guessable: {
    ja: "推測されやすいパスワードです(単語・名前・日付・キーボードの並び・数字の組み合わせなど)。もっと長く、予測しにくいものにしてください。",
    en: "This password is easy to guess (words, names, dates, keyboard runs or digits). Make it longer and less predictable.",
  },
} as const;

/** Score zxcvbn must reach: 3 = about 10^8 guesses or more ("safely unguessable" for online attacks). */
const MIN_SCORE = 3;
/** zxcvbn looks at this many characters; a longer password is judged by its start (it can only be stronger). */
const CHECKED_LENGTH = 64;

/** Words taken from the account: the e-mail (whole, local part, domain labels), the name, the organisation. */
export function contextWords(ctx: PasswordContext): string[] {
  const words = new Set<string>();
  const add = (value: string | undefined) => {
    if (!value) return;
    const v = value.normalize("NFKC").toLowerCase().trim();
    if (v.length >= 3) words.add(v);
    for (const part of v.split(/[\s@._\-+・、。,()（）]+/u)) if (part.length >= 3) words.add(part);
  };
  add(ctx.email);
  add(ctx.displayName);
  add(ctx.organisationName);
  for (const generic of ["com", "net", "org", "example"]) words.delete(generic);
  return [...words, "sonae", "備え"];
}

/** True when the whole password is one unit of up to half its length repeated (aaaa…, abcabc…). */
function isRepetition(password: string): boolean {
  const chars = [...password];
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    let same = true;
    for (let i = unit; i < chars.length && same; i++) same = chars[i] === chars[i % unit];
    if (same) return true;
  }
  return false;
}

/**
 * True when the password is mostly context words: with every context word of 4+ characters taken
 * out, fewer than 6 letters remain (digits, symbols and separators do not count).
 */
function isMostlyContext(password: string, words: string[]): boolean {
  let rest = password.normalize("NFKC").toLowerCase();
  const before = rest;
  for (const w of words.filter((x) => x.length >= 4).sort((a, b) => b.length - a.length))
    rest = rest.split(w).join(" ");
  if (rest === before) return false;
  return rest.replace(/[^\p{L}]/gu, "").length < 6;
}

/**
 * Refuses a password that is common or breached, built from context words, repetitive or
 * otherwise guessable (zxcvbn-ts with its common-password, English and Japanese dictionaries,
 * run in a worker thread with a time budget). Length limits stay in the request schema (ZPassword).
 */
export async function assertAcceptablePassword(password: string, ctx: PasswordContext, field = "password") {
  const refuse = (reason: keyof typeof MESSAGES) => {
    throw new AppError("VALIDATION", { field, detail: MESSAGES[reason] });
  };
  if (isRepetition(password)) refuse("repetitive");
  const words = contextWords(ctx);
  if (isMostlyContext(password, words)) refuse("context");
  const result = await strengthChecker.check([...password].slice(0, CHECKED_LENGTH).join(""), words);
  if (result === "timeout") return refuse("repetitive");
  if (result.score >= MIN_SCORE) return;
  if (result.patterns.includes("dictionary:userInputs")) refuse("context");
  if (result.patterns.includes("dictionary:passwords")) refuse("common");
  refuse("guessable");
}
