import type { Browser, Page } from "playwright-core";

export const E2E_ADMIN = { email: "admin@example.jp", password: "correct horse battery staple" };

/** Completes first-run setup through the real setup page. */
export async function setUpOrganisation(
  browser: Browser,
  url: string,
  name = "株式会社備え製作所",
): Promise<void> {
  const page = await browser.newPage({ locale: "ja-JP" });
  await page.goto(url);
  await page.getByLabel("組織名").fill(name);
  await page.getByLabel("氏名").fill("管理 太郎");
  await page.getByLabel("メールアドレス").fill(E2E_ADMIN.email);
  await page.getByLabel("パスワード（12文字以上）").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "設定を完了する" }).click();
  await page.getByRole("heading", { name: /ログイン/ }).waitFor();
  await page.close();
}

/**
 * Signs the administrator in and waits for the home page: the dashboard on an organisation's server,
 * the intake queue on a hub.
 */
export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("メールアドレス").fill(E2E_ADMIN.email);
  await page.getByLabel(/^パスワード/).fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page
    .getByTestId("emergency-guidance")
    .or(page.getByRole("heading", { name: "受付キュー" }))
    .waitFor();
}
