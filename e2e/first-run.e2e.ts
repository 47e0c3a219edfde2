import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { type RunningServer, startSonae } from "./support/server-process";

const SHOTS = join(import.meta.dirname, "..", ".test-results", "screenshots");
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startSonae();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("first run in a real browser", () => {
  it("sets up the organisation, signs in, switches language and sees the dashboard", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await page.goto(server.url);
    await page.getByRole("heading", { name: "初期設定" }).waitFor();

    await page.getByLabel("組織名").fill("株式会社備え製作所");
    await page.getByLabel("資本金（円）").fill("30000000");
    await page.getByLabel("常時使用する従業員数").fill("45");
    await expect.poll(() => page.getByTestId("sme-status").textContent()).toContain("中小企業者に該当します");
    await page.getByLabel("氏名").fill("管理 太郎");
    await page.getByLabel("メールアドレス").fill("admin@example.jp");
    await page.getByLabel("パスワード（12文字以上）").fill("correct horse battery staple");
    await page.screenshot({ path: join(SHOTS, "setup.png"), fullPage: true });
    await page.getByRole("button", { name: "設定を完了する" }).click();

    await page.getByRole("heading", { name: /ログイン/ }).waitFor();
    await page.getByLabel("メールアドレス").fill("admin@example.jp");
    await page.getByLabel(/^パスワード/).fill("wrong password here");
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByRole("alert").filter({ hasText: "パスワードが違います" }).waitFor();
    await page.getByLabel(/^パスワード/).fill("correct horse battery staple");
    await page.getByRole("button", { name: "ログイン" }).click();

    await page.getByRole("heading", { name: "株式会社備え製作所 の備えの状況" }).waitFor();
    await expect(page.getByTestId("emergency-guidance").textContent()).resolves.toContain("#9110");
    await page.screenshot({ path: join(SHOTS, "dashboard-ja.png") });

    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { name: "Readiness of 株式会社備え製作所" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await expect.poll(() => page.getByTestId("audit-table").textContent()).toContain("setup.completed");
    await page.screenshot({ path: join(SHOTS, "audit-en.png") });

    // The language choice survives a reload.
    await page.reload();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.close();
  });

  it("works at phone width with the navigation in a drawer", async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: "ja-JP",
      isMobile: true,
    });
    await page.goto(server.url);
    await page.getByLabel("メールアドレス").fill("admin@example.jp");
    await page.getByLabel(/^パスワード/).fill("correct horse battery staple");
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByTestId("emergency-guidance").waitFor();
    await page.getByRole("button", { name: "メニュー" }).click();
    await page.getByRole("link", { name: "組織情報" }).click();
    await page.getByRole("heading", { name: "組織情報" }).waitFor();
    // The form fills in once the profile has loaded.
    await expect.poll(() => page.getByLabel("組織名").inputValue()).toBe("株式会社備え製作所");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.screenshot({ path: join(SHOTS, "organisation-phone.png"), fullPage: true });
    await page.close();
  });
});
