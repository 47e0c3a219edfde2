import { mkdirSync } from "node:fs";
import { join } from "node:path";
import * as openpgp from "openpgp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { type RunningServer, startSonae } from "./support/server-process";

/**
 * Issue 19 in a browser: a prefectural officer enters misused card numbers from a CSV and reads
 * every line's result; the screens show numbers masked only (first 6 / last 4); the national unit
 * admin registers Visa's OpenPGP key and the national card officer builds the Visa batch.
 */
const SHOTS = join(import.meta.dirname, "..", ".test-results", "screenshots");
const PASSWORD = "correct horse battery staple";
const ADMIN = "cards-admin@police.example.jp";
// Published test numbers (Visa, Mastercard, JCB, Visa): never real cards.
const VALID = ["4111111111111111", "5555555555554444", "3530111333300000", "4012888888881881"];
const LUHN_BAD = "4111111111111112";
const CSV = ["number", ...VALID, "4111 1111 1111 1111", LUHN_BAD, "4.53E+15"].join("\n");
let hub: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [hub, browser] = await Promise.all([startSonae({ SONAE_MODE: "hub" }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

async function signIn(page: Page, email: string) {
  await page.goto(hub.url);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel(/^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByRole("navigation", { name: "メニュー" }).waitFor();
}

/** Staff accounts are not what this journey is about: made through the admin's own session (API). */
async function addStaff(admin: Page, email: string, unitId: number, role: string) {
  const session = await (await admin.request.get(`${hub.url}/api/session`)).json();
  const headers = { "x-csrf-token": (session as { csrfToken: string }).csrfToken };
  const user = await admin.request.post(`${hub.url}/api/users`, {
    headers,
    data: { displayName: email.split("@")[0], email, password: PASSWORD, role: "member" },
  });
  expect(user.status()).toBe(201);
  const member = await admin.request.put(`${hub.url}/api/hub/memberships`, {
    headers,
    data: { email, unitId, role },
  });
  expect(member.status()).toBe(200);
}

/** Everything the page holds as text or markup, to prove no full number reached it. */
async function pageDump(page: Page): Promise<string> {
  const html = await page.content();
  const text = await page.evaluate(() => document.body.textContent);
  const values = await page.evaluate(() =>
    [...document.querySelectorAll("input, textarea")].map((e) => (e as HTMLInputElement).value).join("\n"),
  );
  return `${html}\n${text}\n${values}`.replace(/[\s\u3000-]/g, "");
}

describe("misused card numbers in a browser", () => {
  it("CSV intake with per-line reasons → masked entries only → Visa key → Visa batch", async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await admin.goto(hub.url);
    await admin.getByLabel("組織名").fill("警察庁 サイバー警察局(試験)");
    await admin.getByLabel("氏名").fill("管理 太郎");
    await admin.getByLabel("メールアドレス").fill(ADMIN);
    await admin.getByLabel("パスワード（12文字以上）").fill(PASSWORD);
    await admin.getByRole("button", { name: "設定を完了する" }).click();
    await admin.getByRole("heading", { name: /ログイン/ }).waitFor();
    await signIn(admin, ADMIN);
    await addStaff(admin, "tokyo-officer@police.example.jp", 13, "intake_officer");
    await addStaff(admin, "card-officer@police.example.jp", 0, "card_officer");

    // The national unit admin registers Visa's public key on the cards page.
    const visaKey = await openpgp.generateKey({
      type: "ecc",
      curve: "curve25519Legacy",
      userIDs: [{ name: "Visa compromised accounts (test)", email: "visa@brand.example" }],
      format: "armored",
    });
    const fingerprint = (await openpgp.readKey({ armoredKey: visaKey.publicKey })).getFingerprint();
    await admin.goto(`${hub.url}/hub/cards`);
    await admin.getByRole("tab", { name: "受領者の公開鍵" }).click();
    await admin.getByLabel("名称").fill("Visa CAMS (test)");
    await admin.getByLabel("OpenPGP 公開鍵(ASCII)").fill(visaKey.publicKey);
    await admin.getByRole("button", { name: "登録する" }).click();
    // The admin may register but not list (the list is the card role's): the save itself confirms.
    const saved = admin.getByTestId("card-recipient-saved");
    await saved.waitFor();
    expect((await saved.textContent())?.replace(/\s/g, "").toLowerCase()).toContain(
      fingerprint.toLowerCase(),
    );
    // Only the PCI notice and the confirmation: no refused-request error under the form.
    const alerts = await admin.getByRole("alert").allTextContents();
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toContain("先頭6桁・末尾4桁");
    await admin.close();

    // A Tokyo officer uploads a CSV: four valid numbers, a repeat, a bad check digit, Excel damage.
    const tokyoContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "ja-JP",
    });
    const tokyo = await tokyoContext.newPage();
    await signIn(tokyo, "tokyo-officer@police.example.jp");
    await tokyo.goto(`${hub.url}/hub/cards`);
    await tokyo.getByLabel(/^出典\(/).fill("HUB-20261201-E2ECARDS");
    await tokyo.locator('input[type="file"]').setInputFiles({
      name: "phishing-kit.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV),
    });
    await tokyo.getByRole("button", { name: "登録する" }).click();
    await tokyo.getByRole("heading", { name: "受付 4 件・重複 1 件・拒否 2 件" }).waitFor();
    const lines = tokyo.getByTestId("card-import-lines").locator("tbody tr");
    const rows = (await lines.allInnerTexts()).map((r) => r.replace(/\s+/g, " ").trim());
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatch(/^2 411111\*{6}1111 Visa 受付/);
    expect(rows[1]).toMatch(/^3 555555\*{6}4444 Mastercard 受付/);
    expect(rows[2]).toMatch(/^4 353011\*{6}0000 JCB 受付/);
    expect(rows[3]).toMatch(/^5 401288\*{6}1881 Visa 受付/);
    expect(rows[4]).toMatch(/^6 411111\*{6}1111 Visa 重複 ファイル内で重複/);
    expect(rows[5]).toMatch(/^7 .*拒否 チェックディジット\(Luhn\)が一致しません。/);
    expect(rows[6]).toMatch(/^8 .*拒否 Excel により指数表記/);
    // Each result reads in full (a status badge squeezed to "受.." says nothing).
    const clipped = await tokyo
      .getByTestId("card-import-lines")
      .locator(".mantine-Badge-label")
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).length);
    expect(clipped).toBe(0);
    // The dump does hold the masked forms (it reads the page), never a full number.
    expect(await pageDump(tokyo)).toContain("411111******1111");
    for (const n of [...VALID, LUHN_BAD]) expect(await pageDump(tokyo)).not.toContain(n);
    await tokyo.screenshot({ path: join(SHOTS, "hub-cards-import.png"), fullPage: true });

    // The entries tab: the four numbers, masked, in the officer's own unit; no full number anywhere.
    await tokyo.getByRole("tab", { name: "登録済み" }).click();
    const entries = tokyo.getByTestId("card-entries").locator("tbody tr");
    await expect.poll(() => entries.count()).toBe(4);
    const masked = (await entries.allInnerTexts()).map((r) => r.split(/\s/)[0]).sort();
    expect(masked).toEqual(["353011******0000", "401288******1881", "411111******1111", "555555******4444"]);
    expect(await entries.first().textContent()).toContain("警視庁");
    for (const n of [...VALID, LUHN_BAD]) expect(await pageDump(tokyo)).not.toContain(n);
    // Nothing of the case side is offered to a card-number page visitor as a link to attacker data.
    expect(await tokyo.locator("[data-testid=card-entries] a").count()).toBe(0);
    await tokyoContext.close();

    // The national card officer builds the Visa batch only and reads its manifest count.
    const cardContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    const card = await cardContext.newPage();
    await signIn(card, "card-officer@police.example.jp");
    await card.goto(`${hub.url}/hub/cards`);
    await card.getByRole("tab", { name: "受領者の公開鍵" }).click();
    const recipient = card.getByTestId("card-recipients").getByRole("row").filter({ hasText: "Visa CAMS" });
    await recipient.waitFor();
    expect((await recipient.textContent())?.replace(/\s/g, "").toLowerCase()).toContain(
      fingerprint.toLowerCase(),
    );
    expect(await card.getByRole("button", { name: "登録する" }).count()).toBe(0);
    await card.getByRole("tab", { name: "ブランド別バッチ" }).click();
    await card.getByRole("combobox", { name: "対象ブランド" }).click();
    await card.getByRole("option", { name: "Visa", exact: true }).click();
    await card.getByRole("button", { name: "バッチを作成" }).click();
    await card.getByTestId("card-batches-built").getByText("1 件のバッチを作成しました").waitFor();
    const batchRows = card.getByTestId("card-batches").locator("tbody tr");
    await expect.poll(() => batchRows.count()).toBe(1);
    const batchText = ((await batchRows.allInnerTexts())[0] ?? "").replace(/\s+/g, " ");
    expect(batchText).toMatch(/^Visa 2 番号のみ 2/);
    await card.screenshot({ path: join(SHOTS, "hub-cards-batch.png"), fullPage: true });
    for (const n of VALID) expect(await pageDump(card)).not.toContain(n);

    // The other brands still wait: the card officer's dashboard counts them (national scope).
    await card.getByRole("tab", { name: "登録済み" }).click();
    const dashboard = card.getByTestId("card-dashboard");
    await dashboard.getByText(/^Mastercard 1/).waitFor();
    await dashboard.getByText(/^JCB 1/).waitFor();
    await dashboard.getByText(/^Visa 0/).waitFor();

    // The stored file is the OpenPGP message for Visa's key, holding exactly the two Visa numbers.
    const [batch] = (await (await card.request.get(`${hub.url}/api/hub/cards/batches`)).json()) as {
      id: string;
    }[];
    const file = await card.request.get(`${hub.url}/api/hub/cards/batches/${batch!.id}/file`);
    expect(file.status()).toBe(200);
    const { data } = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: await file.text() }),
      decryptionKeys: await openpgp.readPrivateKey({ armoredKey: visaKey.privateKey }),
    });
    expect(String(data)).toContain("4012888888881881");
    expect(String(data)).toContain("4111111111111111");
    expect(String(data)).not.toContain("5555555555554444");
    await cardContext.close();
  });
});
