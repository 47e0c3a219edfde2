import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { setUpOrganisation, signIn } from "./support/organisation";
import { type RunningServer, startSonae } from "./support/server-process";

const SHOTS = join(import.meta.dirname, "..", ".test-results", "screenshots");
// A real ransom note (ThreatLabz collection, MIT): e-mail addresses and an onion URL.
const CUBA_NOTE = readFileSync(
  join(import.meta.dirname, "../../shared/data/ransomware/notes/cuba/cuba.txt"),
  "utf8",
);
let server: RunningServer;
let browser: Browser;
let incidentUrl = "";

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startSonae();
  browser = await launchChromium();
  await setUpOrganisation(browser, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function login(page: Page) {
  await signIn(page, server.url);
}

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole("option", { name: option }).click();
}

describe("ransomware incident in a real browser", () => {
  it("opens an incident with the wizard, keeping unsaved input across a reload", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await login(page);
    await page.goto(`${server.url}/incidents`);
    await page.getByRole("button", { name: "インシデントを記録する" }).click();
    await page.getByRole("heading", { name: "何が起きましたか" }).waitFor();
    incidentUrl = page.url().replace(/\/wizard$/, "");
    await page.getByLabel("ファイルが暗号化された・開けない").check();
    await page.getByLabel("脅迫文（身代金要求）が表示された").check();
    await page.getByLabel("件名").fill("ファイルサーバ暗号化");
    await page.getByRole("button", { name: "保存して次へ" }).click();

    await page.getByRole("heading", { name: "いつ・誰が見つけましたか" }).waitFor();
    await page.getByLabel("発見日時").fill("2026-11-20T08:30");
    await page.getByLabel("発見者").fill("情報システム課 佐藤");
    // Typed but not yet saved: a reload must not lose it.
    await page.reload();
    await page.getByRole("heading", { name: "いつ・誰が見つけましたか" }).waitFor();
    expect(await page.getByLabel("発見者").inputValue()).toBe("情報システム課 佐藤");
    await page.getByLabel("発見の経緯").fill("共有フォルダが開けず、脅迫文が表示された");
    await page.getByRole("button", { name: "保存して次へ" }).click();

    await page.getByRole("heading", { name: "被害を受けた端末" }).waitFor();
    await page.getByRole("button", { name: "端末を追加" }).click();
    await page.getByLabel("ホスト名 1").fill("FS01");
    await choose(page, "暗号化", "はい");
    await page.getByRole("button", { name: "保存して次へ" }).click();

    await page.getByRole("heading", { name: "確認して対応を開始" }).waitFor();
    await choose(page, "侵入経路", "VPN機器の脆弱性");
    await page.getByRole("button", { name: "対応を開始する" }).click();
    await page.getByTestId("step-isolate-network").waitFor();
    await page.screenshot({ path: join(SHOTS, "incident-checklist.png"), fullPage: true });
    await page.close();
  });

  it("works the checklist, records the demand and indicators, and sees the deadlines", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await login(page);
    await page.goto(`${incidentUrl}/checklist`);
    const step = page.getByTestId("step-isolate-network");
    await step.getByLabel("メモ").fill("FS01 のLANケーブルを抜線");
    await step.getByRole("button", { name: "実施した" }).click();
    await expect.poll(() => step.textContent()).toContain("管理 太郎");
    await expect(
      page.getByTestId("step-preserve-logs").getByRole("link", { name: "証拠保全へ" }).getAttribute("href"),
    ).resolves.toBe("/evidence");

    await page.getByRole("tab", { name: "身代金要求" }).click();
    await page.getByLabel("脅迫文（本文）").fill(CUBA_NOTE);
    await page.getByLabel("暗号化されたファイルの拡張子").fill(".cuba");
    await page.getByLabel("金額").fill("2.5");
    await page.getByLabel("通貨").fill("BTC");
    // The police's explanation comes before the "paid" field.
    const notice = await page.getByRole("note").boundingBox();
    const paid = await page.getByLabel("支払いの有無", { exact: true }).first().boundingBox();
    expect(notice!.y).toBeLessThan(paid!.y);
    await choose(page, "支払いの有無", "支払っていない");
    await page.getByRole("button", { name: "要求を保存" }).click();
    await page.getByRole("button", { name: "ランサムウェアの種類を推定する" }).click();
    await expect.poll(() => page.getByTestId("family").textContent()).toMatch(/cuba/i);

    await page.getByRole("tab", { name: "指標（IoC）" }).click();
    await page.getByLabel("脅迫文・ログ・メールを貼り付け").fill(CUBA_NOTE);
    await page.getByRole("button", { name: "指標を抽出" }).click();
    const table = page.getByTestId("indicator-table");
    await expect.poll(() => table.textContent()).toContain("roselondon@cock.li");
    expect(await table.textContent()).toContain(".onion");
    // Attacker data is inert: no link anywhere in the table.
    expect(await table.locator("a").count()).toBe(0);
    // A warning-listed value is kept as context: greyed, with its list and date, and can be promoted.
    const paste = page.getByLabel("脅迫文・ログ・メールを貼り付け");
    await expect.poll(() => paste.inputValue()).toBe(""); // the first extraction has finished
    await page
      .getByLabel("脅迫文・ログ・メールを貼り付け")
      .fill("詳細は https://twitter.com/hashtag/lockbit を参照");
    await page.getByRole("button", { name: "指標を抽出" }).click();
    await expect.poll(() => page.getByTestId("context-summary").textContent()).toContain("参考情報");
    const contextRow = table.locator('tr[data-context="true"]').filter({ hasText: "twitter.com" }).first();
    await expect.poll(() => contextRow.textContent()).toContain("よく使われるサイト上位1万（Tranco）");
    expect(await contextRow.textContent()).toContain("2025-01-15");
    await contextRow.getByRole("button", { name: "理由を付けて指標に格上げ" }).click();
    await page.getByTestId("promote-reason").fill("攻撃者がこのアカウントで被害組織名を公表したため");
    await page.getByRole("button", { name: "理由を付けて指標に格上げ" }).last().click();
    await expect
      .poll(() => table.textContent())
      .toContain("格上げの理由：攻撃者がこのアカウントで被害組織名を公表したため");

    await page.getByRole("tab", { name: "報告と期限" }).click();
    // The PPC deadlines wait for the four 規則7条 questions; ransomware preselects ③ "yes".
    expect(await page.getByTestId("deadline-ppc-final").count()).toBe(0);
    const questions = page.getByTestId("ppc-questions");
    for (const q of ["sensitiveData", "financialHarm", "over1000"])
      await questions.getByTestId(`ppc-${q}`).getByLabel("いいえ").check();
    expect(await questions.getByTestId("ppc-unauthorisedPurpose").getByLabel("はい").isChecked()).toBe(true);
    await questions.getByRole("button", { name: "回答を保存" }).click();
    const final = page.getByTestId("deadline-ppc-final");
    await expect.poll(() => final.textContent()).toContain("60日以内");
    const drafts = page.getByTestId("ppc-drafts");
    await expect.poll(() => drafts.textContent()).toContain("9. その他参考となる事項");
    await drafts.getByText("本人への通知（規則10条）").click();
    await expect.poll(() => drafts.locator("textarea").first().inputValue()).toContain("お詫びとお知らせ");
    expect(await final.textContent()).toContain("第26条");
    await page.screenshot({ path: join(SHOTS, "incident-deadlines.png"), fullPage: true });
    await page.close();
  });

  it("exports the police package, the common form and the sharing copy from the browser", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await login(page);
    await page.goto(`${incidentUrl}/export`);
    for (const [name, magic] of [
      ["PDF（日本語・印刷用）", "%PDF"],
      ["JSON（公開スキーマ）", "{"],
      ["STIX 2.1 バンドル", "{"],
      ["HTML（オフラインで閲覧）", "<!DOCTYPE html>"],
      ["共通様式（XLSX）", "PK"],
      ["共有用写し PDF", "%PDF"],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name }).click(),
      ]);
      const path = await download.path();
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, magic.length).toString("latin1"), name).toBe(magic);
      if (name.startsWith("JSON"))
        expect(JSON.parse(bytes.toString("utf8")).confidentiality).toBe("取扱注意／CONFIDENTIAL");
      if (name.startsWith("STIX")) expect(JSON.parse(bytes.toString("utf8")).type).toBe("bundle");
    }

    // Common form: the answers it asks, then the first send recorded as version 1.
    await choose(page, "国家サイバー統括室（NCO）への共有に同意する", "はい");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByText("保存しました").first().waitFor();
    await page.getByText("次の送付: 第1版").waitFor();
    await page.getByLabel("報告先").fill("警視庁 サイバー犯罪対策課");
    await page.getByLabel("報告番号（受付番号等）").fill("R8-0001");
    await page.getByRole("button", { name: "送付を記録" }).click({ timeout: 60_000 });
    await expect
      .poll(() => page.locator("body").textContent())
      .toContain("第1版 第1報 — 警視庁 サイバー犯罪対策課");
    expect(await page.locator("body").textContent()).toContain("次の送付: 第2版");

    // Sharing copy: the preview names what is removed (the terminal's host name among them).
    await page.getByRole("button", { name: "除かれる情報を確認する" }).click();
    const removed = page.getByRole("table", { name: /除かれる情報/ });
    await expect.poll(() => removed.textContent()).toContain("FS01");
    expect(await removed.textContent()).toContain("社内ホスト名");
    await page.screenshot({ path: join(SHOTS, "incident-export.png"), fullPage: true });
    await page.close();
  });

  it("works at phone width", async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: "ja-JP",
      isMobile: true,
    });
    await login(page);
    // The reminder widget lists the pending PPC deadlines, soonest first.
    await page.goto(`${server.url}/incidents`);
    await expect
      .poll(() => page.getByTestId("upcoming-deadlines").textContent())
      .toContain("個人情報保護委員会への確報");
    await page.goto(`${incidentUrl}/wizard`);
    await page.getByRole("heading", { name: "何が起きましたか" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.goto(`${incidentUrl}/deadlines`);
    await page.getByTestId("deadline-ppc-final").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.screenshot({ path: join(SHOTS, "incident-phone.png"), fullPage: true });
    await page.close();
  });
});
