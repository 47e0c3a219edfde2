import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { setUpOrganisation, signIn } from "./support/organisation";
import { type RunningServer, startSonae } from "./support/server-process";

const SHOTS = join(import.meta.dirname, "..", ".test-results", "screenshots");
let hub: RunningServer;
let browser: Browser;

beforeAll(async () => {
  hub = await startSonae({ SONAE_MODE: "hub", SONAE_HUB_POW_BITS: "10" });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
  await setUpOrganisation(browser, hub.url, "警察庁 サイバー警察局(試験)");
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

const PHISH = "https://account-verify.e2e-phish-bank.xyz/signin?session=1";

describe("phishing URLs in a browser (issue 17)", () => {
  it("public report + partner batch → judged in the queue → vendor feed → withdrawn", async () => {
    // A member of the public reports a phishing SMS with the URL defanged.
    const visitor = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "ja-JP" });
    await visitor.goto(`${hub.url}/report`);
    await visitor
      .getByLabel(/報告先の都道府県警察/)
      .first()
      .click();
    await visitor.getByRole("option", { name: "東京都" }).click();
    await visitor.getByLabel(/件名/).fill("銀行を名乗るSMS");
    await visitor.getByLabel(/内容/).first().fill("SMSのリンクからログイン画面に誘導された");
    await visitor.getByTestId("fraud-kind").click();
    await visitor.getByRole("option", { name: "フィッシング(メール・SMS)" }).click();
    await visitor
      .getByTestId("fraud-urls")
      .fill("hxxps://account-verify[.]e2e-phish-bank[.]xyz/signin?session=1");
    await visitor.getByRole("button", { name: "送信する" }).click();
    await visitor.getByRole("heading", { name: "受け付けました" }).waitFor();

    // The national admin registers a submitting partner and a vendor, issuing their tokens in the UI.
    const police = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await signIn(police, hub.url);
    await police.goto(`${hub.url}/hub/url-partners`);
    const issueToken = async (name: string, submit: boolean, feed: string | null) => {
      await police.getByLabel("名称").fill(name);
      if (submit) await police.getByLabel("URL送信を許可").check();
      if (feed) {
        await police.getByLabel("取得できるフィード").first().click({ force: true });
        await police.getByRole("option", { name: new RegExp(`^${feed} —`) }).click();
        await police.keyboard.press("Escape");
      }
      await police.getByRole("button", { name: "登録" }).click();
      const row = police.getByTestId("partners-table").getByRole("row").filter({ hasText: name });
      await row.getByRole("button", { name: "トークン発行" }).click();
      const token = (await police.getByTestId("issued-token").locator("pre").textContent())!.trim();
      await police.getByTestId("issued-token").getByRole("button").first().click();
      return token;
    };
    const partnerToken = await issueToken("JC3相当機関", true, null);
    const vendorToken = await issueToken("フィルタリング事業者A", false, "phishing");
    expect(partnerToken).toMatch(/^sonae_pt_/);

    const batch = await fetch(`${hub.url}/hub-api/v1/urls`, {
      method: "POST",
      headers: { authorization: `Bearer ${partnerToken}`, "content-type": "text/csv" },
      body: `url,brand\n${PHISH},例示銀行\nftp//broken,\n`,
    });
    expect(batch.status).toBe(200);
    expect(await batch.json()).toMatchObject({ accepted: 1, created: 0, rejected: 1 });

    // The queue shows one record with two sightings, as inert text; the officer confirms it.
    await police.goto(`${hub.url}/hub/urls`);
    await police.getByTestId("url-search").fill("e2e-phish-bank.xyz");
    await police.getByTestId("url-search").press("Enter");
    const row = police.getByTestId("url-row").filter({ hasText: "e2e-phish-bank[.]xyz" });
    await row.waitFor();
    expect(await row.locator("td").nth(5).textContent()).toBe("2");
    expect(await police.locator(`a[href*="e2e-phish-bank"]`).count()).toBe(0);
    await police.screenshot({ path: join(SHOTS, "hub-urls-queue.png"), fullPage: true });
    await row.getByRole("link", { name: "詳細" }).click();
    await police.getByTestId("url-proposal").waitFor();
    expect(await police.getByTestId("url-sightings").getByRole("row").count()).toBe(3);
    expect(await police.locator(`a[href*="e2e-phish-bank"]`).count()).toBe(0);
    await police.getByTestId("judge-category").click();
    await police.getByRole("option", { name: "フィッシング" }).click();
    await police.getByTestId("judge-reason").fill("銀行のログイン画面の偽装を確認");
    await police.getByTestId("judge-save").click();
    await expect.poll(() => police.getByTestId("url-state").textContent()).toBe("確定");
    await police.screenshot({ path: join(SHOTS, "hub-url-detail.png"), fullPage: true });

    const pull = (query: string) =>
      fetch(`${hub.url}/hub-api/v1/feeds/phishing?${query}`, {
        headers: { authorization: `Bearer ${vendorToken}` },
      });
    const full = await pull("format=txt");
    expect(await full.text()).toContain(PHISH);
    const cursor = full.headers.get("x-sonae-cursor")!;

    // A false positive after all: withdrawn, and the vendor's next pull since its cursor says so.
    await police.getByTestId("judge-state").click();
    await police.getByRole("option", { name: "問題なし" }).click();
    await police.getByTestId("judge-reason").fill("正規の委託先と判明");
    await police.getByTestId("judge-save").click();
    await expect.poll(() => police.getByTestId("url-state").textContent()).toBe("問題なし");
    expect(await (await pull(`format=txt&since=${cursor}`)).text()).toContain(`-${PHISH}`);
    expect(await (await pull("format=txt")).text()).not.toContain(PHISH);
  }, 180_000);
});
