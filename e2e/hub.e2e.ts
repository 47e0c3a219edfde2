import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readNote, samplePackage } from "../packages/server/src/hub/testing/hub-test-app";
import { generateHubOrgKeyPair, submitReportToHub } from "../packages/server/src/org/hub-client/hub-client";
import { launchChromium } from "./support/browser";
import { type RunningServer, startSonae } from "./support/server-process";

const SHOTS = join(import.meta.dirname, "..", ".test-results", "screenshots");
const PASSWORD = "correct horse battery staple";
let hub: RunningServer;
let org: RunningServer;
let browser: Browser;

async function setup(page: Page, url: string, orgName: string, email: string) {
  await page.goto(url);
  await page.getByLabel("組織名").fill(orgName);
  await page.getByLabel("氏名").fill("管理 太郎");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード（12文字以上）").fill(PASSWORD);
  await page.getByRole("button", { name: "設定を完了する" }).click();
  await page.getByRole("heading", { name: /ログイン/ }).waitFor();
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel(/^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Both instances exactly as the README starts them: one in hub mode, one organisation.
  [hub, org] = await Promise.all([startSonae({ SONAE_MODE: "hub", SONAE_HUB_POW_BITS: "12" }), startSonae()]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  await org?.stop();
});

describe("police hub and an organisation, end to end in a browser", () => {
  it("exchanges a report, an acknowledgement and messages; shows related-case alerts; takes a public report", async () => {
    const police = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    const company = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await setup(police, hub.url, "警察庁 サイバー警察局(試験)", "hub-admin@police.example.jp");
    await setup(company, org.url, "株式会社備え製作所", "admin@example.jp");
    await company.getByTestId("emergency-guidance").waitFor();
    // The police land on the intake queue, and their navigation offers no organisation-side areas.
    await police.getByRole("heading", { name: "受付キュー" }).waitFor();
    const policeNav = police.getByRole("navigation", { name: "メニュー" });
    await policeNav.getByRole("link", { name: "受付・事案" }).waitFor();
    expect(await policeNav.getByRole("link", { name: "平時の備え" }).count()).toBe(0);

    // Organisation: report to the police from its own instance (signed by its key).
    await company.goto(`${org.url}/hub`);
    await company.getByRole("heading", { name: "警察への報告" }).waitFor();
    await company.getByLabel("ハブのURL").fill(hub.url);
    await company
      .getByLabel("報告パッケージ(JSON)")
      .fill(JSON.stringify(samplePackage({ title: "ファイルサーバ暗号化(E2E)" })));
    await company.getByRole("button", { name: "警察へ報告する" }).click();
    const entry = company.getByTestId("outbox-entry").first();
    await entry.waitFor();
    await expect.poll(() => entry.getByTestId("outbox-status").textContent()).toBe("未受理");
    const reference = ((await entry.textContent()) ?? "").match(/HUB-\d{8}-[0-9A-Z]{10}/)?.[0];
    expect(reference).toBeTruthy();

    // Police: the report is in the Tokyo queue (national admin sees all); acknowledge and ask a question.
    await police.goto(`${hub.url}/hub`);
    await police.getByRole("heading", { name: "受付キュー" }).waitFor();
    // A key the police have not confirmed yet: its report is in the unconfirmed lane of the queue,
    // which is counted, not hidden; the row shows the key as unconfirmed.
    await police
      .getByTestId("queue-lane")
      .getByText(/未確認の鍵 \(1 件未終了\)/)
      .click();
    const row = police.getByTestId("hub-case").filter({ hasText: reference! });
    await expect.poll(() => row.getByTestId("key-status").textContent()).toBe("鍵:未確認");
    await row.getByRole("link", { name: reference! }).click();
    // The package is laid out for reading (not a JSON dump), as inert text.
    const report = police.getByTestId("report-view");
    await report
      .getByText("ファイルサーバのファイルが暗号化され、脅迫文が置かれていた。", { exact: true })
      .waitFor();
    expect(await report.getByText("被害届の提出").count()).toBe(1);
    expect(await report.locator("a").count()).toBe(0);
    await police.getByRole("button", { name: "受理する" }).click();
    await expect.poll(() => police.getByTestId("case-status").textContent()).toBe("受理");
    await police.getByLabel("メッセージ本文").fill("最初に異常に気付いた時刻を教えてください。");
    await police.getByRole("button", { name: "送信" }).click();
    await police.getByTestId("hub-message").filter({ hasText: "最初に異常に気付いた時刻" }).waitFor();
    await police.screenshot({ path: join(SHOTS, "hub-case.png"), fullPage: true });

    // Organisation: sees the acknowledgement and the question, answers.
    await company.reload();
    await expect
      .poll(() => company.getByTestId("outbox-status").first().textContent(), { timeout: 20_000 })
      .toBe("受理");
    await company.getByTestId("hub-message").filter({ hasText: "最初に異常に気付いた時刻" }).waitFor();
    await company.getByLabel("返信").fill("午前9時頃、共有フォルダが開けなくなりました。");
    await company.getByRole("button", { name: "送信" }).click();
    await company.getByTestId("hub-message").filter({ hasText: "午前9時頃" }).waitFor();
    await company.screenshot({ path: join(SHOTS, "hub-outbox.png"), fullPage: true });
    await police.reload();
    await police.getByTestId("hub-message").filter({ hasText: "午前9時頃" }).waitFor();

    // Two more organisations' reports carrying the same real Akira note: the analyst is alerted.
    const note = readNote("akira", "akira_readme.txt");
    for (const name of ["株式会社A", "株式会社B"]) {
      const key = generateHubOrgKeyPair();
      await submitReportToHub({
        hubUrl: hub.url,
        payload: samplePackage({ title: `${name} 暗号化`, noteText: note }),
        privateKey: key.privateKeyPem,
        orgName: name,
        prefectureCode: "27",
      });
    }
    await police.goto(`${hub.url}/hub`);
    const alert = police.getByTestId("hub-alert").first();
    await alert.waitFor();
    await alert.getByTestId("hub-alert-case").click();
    const related = police.getByTestId("hub-related").first();
    await related.waitFor();
    expect(await related.textContent()).toContain("onion: akiral2iz6a7qgd3");
    // Attacker data is inert text: no link to any onion address anywhere on the page.
    expect(await police.locator('a[href*=".onion"]').count()).toBe(0);

    // The public form, signed out, at phone width.
    const visitorContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "ja-JP",
      isMobile: true,
    });
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${hub.url}/report`);
    await visitor.getByRole("heading", { name: "サイバー犯罪の通報・相談・情報提供" }).waitFor();
    await visitor
      .getByLabel(/報告先の都道府県警察/)
      .first()
      .click();
    await visitor.getByRole("option", { name: "大阪府" }).click();
    await visitor.getByLabel(/件名/).fill("ネットショップへの不正ログイン");
    await visitor
      .getByLabel(/内容/)
      .fill("管理画面に見知らぬIP 203.0.113.7 からのログイン履歴がありました。");
    await visitor.getByRole("button", { name: "送信する" }).click();
    await visitor.getByRole("heading", { name: "受け付けました" }).waitFor();
    const publicRef = await visitor.getByTestId("receipt-reference").textContent();
    expect(publicRef).toMatch(/^HUB-/);
    await expect.poll(() => visitor.getByTestId("public-status").textContent()).toBe("未受理");
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(
      false,
    );
    await visitor.screenshot({ path: join(SHOTS, "hub-public-receipt-phone.png"), fullPage: true });
    await police.goto(`${hub.url}/hub`);
    await police.getByTestId("hub-case").filter({ hasText: publicRef! }).waitFor();
    await visitorContext.close();
  });
});
