import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePackage } from "../packages/server/src/hub/testing/hub-test-app";
import { generateHubOrgKeyPair, submitReportToHub } from "../packages/server/src/org/hub-client/hub-client";
import { launchChromium } from "./support/browser";
import { setUpOrganisation, signIn } from "./support/organisation";
import { type RunningServer, startSonae } from "./support/server-process";

let hub: RunningServer;
let org: RunningServer;
let browser: Browser;

beforeAll(async () => {
  hub = await startSonae({ SONAE_MODE: "hub" });
  // The organisation's instance knows its police hub from SONAE_HUB_URL, as an installer would set it.
  org = await startSonae({ SONAE_HUB_URL: hub.url });
  browser = await launchChromium();
  await Promise.all([
    setUpOrganisation(browser, hub.url, "警察庁 サイバー警察局(試験)"),
    setUpOrganisation(browser, org.url),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  await org?.stop();
});

describe("hub statistics and advisories in a browser", () => {
  it("counts a received report, publishes an advisory, and the organisation sees it as inert text", async () => {
    const key = generateHubOrgKeyPair();
    await submitReportToHub({
      hubUrl: hub.url,
      payload: samplePackage({ title: "統計用の報告" }),
      privateKey: key.privateKeyPem,
      prefectureCode: "13",
    });

    const police = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await signIn(police, hub.url);
    await police.goto(`${hub.url}/hub/stats`);
    await police.getByRole("heading", { name: "統計" }).waitFor();
    const total = police.locator(".mantine-Card-root", { hasText: "受付件数" });
    await expect.poll(() => total.textContent()).toContain("1");
    await police.getByText("警視庁").first().waitFor();

    await police.getByRole("link", { name: "注意喚起" }).click();
    await police.getByRole("heading", { name: "注意喚起", level: 2 }).waitFor();
    await police.getByLabel("件名（日本語）").fill("VPN 機器の認証回避の悪用に注意");
    await police.getByLabel("本文（日本語）").fill("修正版を適用し、機器のログを保全してください。");
    await police.getByLabel("参考 URL（https、任意）").fill("https://www.npa.go.jp/bureau/cyber/");
    await police.getByRole("button", { name: "注意喚起を発出" }).click();
    await police.getByText("発出しました。").waitFor();
    await police.getByTestId("advisory").filter({ hasText: "VPN 機器の認証回避の悪用に注意" }).waitFor();

    const company = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "ja-JP" });
    await signIn(company, org.url);
    await company.goto(`${org.url}/hub`);
    const feed = company.getByTestId("advisory-feed");
    const card = feed.getByTestId("advisory").filter({ hasText: "VPN 機器の認証回避の悪用に注意" });
    await card.waitFor({ timeout: 20_000 });
    expect(await feed.textContent()).toContain(`取得元: ${hub.url}`);
    expect(await card.textContent()).toContain("https://www.npa.go.jp/bureau/cyber/");
    expect(await card.locator("a").count()).toBe(0);
    const overflow = await company.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // Withdrawn on the hub, gone from the organisation's feed.
    await police.getByTestId("advisory").getByRole("button", { name: "取り下げ" }).click();
    await police.getByText("取り下げ済み").waitFor();
    await company.reload();
    await feed.getByText("現在、自県・全国向けの注意喚起はありません。").waitFor({ timeout: 20_000 });
  });
});
