import { describe, expect, it } from "vitest";
import { assertAcceptablePassword, contextWords } from "./password-policy";

const ctx = {
  email: "hanako.yamada@minato-butsuryu.co.jp",
  displayName: "山田 花子",
  organisationName: "みなと物流株式会社",
};
const refusal = async (password: string) => {
  try {
    await assertAcceptablePassword(password, ctx);
    return null;
  } catch (e) {
    return (e as { code: string; detail?: { ja: string; en: string } }).detail?.en ?? "refused";
  }
};

describe("password policy (NIST SP 800-63B: common, breached and context words)", () => {
  it("refuses common and breached passwords with a clear message, including password1234", async () => {
    for (const p of ["password1234", "iloveyou1234", "qwertyuiop123", "P@ssw0rd2024!"])
      expect(await refusal(p), p).toMatch(/common|easy to guess/);
    await expect(assertAcceptablePassword("password1234", ctx)).rejects.toMatchObject({
      code: "VALIDATION",
      field: "password",
      detail: { ja: expect.stringContaining("漏えい") },
    });
  });

  it("refuses passwords built from the organisation name, the e-mail or the person's name", async () => {
    for (const p of ["minato-butsuryu-2026", "hanako.yamada2026", "Minato-Butsuryu!1"])
      expect(await refusal(p), p).toMatch(/about you or your organisation|easy to guess/);
    expect(contextWords(ctx)).toEqual(
      expect.arrayContaining(["minato", "butsuryu", "hanako", "yamada", "みなと物流株式会社"]),
    );
  });

  it("refuses repetitions at once and never blocks the event loop on long repetitive input", async () => {
    expect(await refusal("abcabcabcabcabcabc")).toMatch(/repetition/);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    // Not a pure repetition, so it reaches zxcvbn, whose repeat matcher is slow on this shape.
    expect(await refusal(`${"a1!B".repeat(60)}xyz`)).not.toBeNull();
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor((Date.now() - started) / 10 / 3));
  });

  it("accepts long passphrases and random passwords", async () => {
    for (const p of [
      "correct horse battery staple",
      "another long passphrase 2026",
      "n7#Qv9$wLz2!pR4x",
      "朝の川べりで青い傘を三本ひろった",
    ])
      expect(await refusal(p), p).toBeNull();
  });
});
