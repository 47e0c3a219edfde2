import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { setUpOrganisation, signIn } from "./support/organisation";
import { type RunningServer, startSonae } from "./support/server-process";

const NOTES = join(import.meta.dirname, "../../shared/data/ransomware/notes");
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startSonae();
  browser = await launchChromium();
  await setUpOrganisation(browser, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("ransomware identification in a real browser", () => {
  it("identifies a dropped real note, shows evidence as inert text and the police's guidance", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await signIn(page, server.url);
    await page.getByRole("link", { name: "ランサムウェア判定" }).click();
    await page.getByRole("heading", { name: "ランサムウェアの種類の推定" }).waitFor();
    const dir = readdirSync(NOTES).find((d) => d === "phobos") ?? "lockbit";
    const file = join(NOTES, dir, readdirSync(join(NOTES, dir))[0]!);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: "推定する" }).click();
    const result = page.getByTestId("identify-result");
    await result.waitFor();
    expect((await result.textContent())?.toLowerCase()).toContain(dir);
    expect(await result.textContent()).toContain("身代金の支払いについて");
    // Attacker artefacts (onion, e-mail) are never links: every link in the result points to an official page.
    const hrefs = await result.locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) expect(href).not.toMatch(/\.onion|mailto:/);
    await page.close();
  });

  it("says unknown instead of guessing for ordinary text", async () => {
    const page = await browser.newPage({ locale: "ja-JP" });
    await signIn(page, server.url);
    await page.goto(`${server.url}/identify`);
    await page
      .getByLabel("ランサムノートの内容（貼り付け）")
      .fill("本日の会議資料を共有します。ご確認ください。");
    await page.getByRole("button", { name: "推定する" }).click();
    await page.getByTestId("identify-unknown").waitFor();
    await page.close();
  });
});
