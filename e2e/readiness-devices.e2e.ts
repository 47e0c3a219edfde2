import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { type RunningServer, startSonae } from "./support/server-process";

const SHOTS = join(import.meta.dirname, "..", ".test-results", "screenshots");
const PASSWORD = "correct horse battery staple";
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

/** First-run setup through the API (the setup screen has its own journey in first-run.e2e.ts), then sign in. */
async function setUpAndSignIn(page: Page) {
  const session = await (await page.request.get(`${server.url}/api/session`)).json();
  const res = await page.request.post(`${server.url}/api/setup`, {
    headers: { "x-csrf-token": session.csrfToken },
    data: {
      organisation: {
        name: "株式会社備え製作所",
        prefectureCode: "13",
        industryCode: "E",
        capitalYen: 30_000_000,
        employees: 45,
      },
      admin: { displayName: "管理 太郎", email: "admin@example.jp", password: PASSWORD },
    },
  });
  expect(res.status()).toBe(201);
  await page.goto(server.url);
  await page.getByLabel("メールアドレス").fill("admin@example.jp");
  await page.getByLabel(/^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByTestId("emergency-guidance").waitFor();
}

const HEADER = "名称,種別,ベンダー,製品,バージョン,多要素認証,ログの保存先";
const csv = (rows: string[]) => ({
  name: "devices.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`, "utf8"),
});

describe("readiness: contacts, devices, KEV and import in a real browser", () => {
  it("records contacts and a FortiGate, shows its KEV matches with the catalogue date, and imports a CSV", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await setUpAndSignIn(page);

    // Contacts: built-in numbers with their source; no desk until the organisation records one.
    await page.goto(`${server.url}/readiness/contacts`);
    const police = page.getByTestId("police-panel");
    await police.waitFor();
    await expect(police.textContent()).resolves.toContain("#9110");
    await expect(police.textContent()).resolves.toContain("110");
    await page.getByTestId("police-desk-missing").getByText("未登録").waitFor();
    await page.getByRole("button", { name: "窓口を登録" }).click();
    await page.getByLabel("名前・窓口名").fill("警視庁 サイバー犯罪相談窓口");
    await page.getByLabel("電話番号").fill("03-0000-0000");
    await page.getByLabel("最終確認日").fill(new Date().toISOString().slice(0, 10));
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByTestId("police-desk").getByText("警視庁 サイバー犯罪相談窓口").waitFor();

    await page.getByRole("button", { name: "連絡先を追加" }).click();
    await page.getByLabel("名前・窓口名").fill("総務部長 山田");
    await page.getByLabel("電話番号").fill("090-0000-0000");
    await page.getByLabel("最終確認日").fill("2024-01-10");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByTestId("stale-contacts").waitFor();
    await expect(page.getByTestId("contacts-table").first().textContent()).resolves.toContain(
      "12か月以上未確認",
    );
    await page.screenshot({ path: join(SHOTS, "readiness-contacts.png"), fullPage: true });

    // Device register: a FortiGate SSL-VPN on FortiOS 7.0.12 and its KEV verdicts (issue 12).
    await page.getByRole("tab", { name: "インターネット接続機器" }).click();
    await page.getByRole("button", { name: "機器を追加" }).click();
    await page.getByLabel("名称").fill("本社 FortiGate");
    // Vendor and product offer the names the KEV data knows (Mantine Autocomplete: role combobox).
    await page.getByRole("combobox", { name: "ベンダー" }).fill("Fortinet");
    await page.getByRole("combobox", { name: "製品" }).fill("FortiGate 60F SSL-VPN");
    await page.getByLabel("バージョン").fill("7.0.12");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByTestId("devices-table").getByText("本社 FortiGate").waitFor();
    await expect(page.getByTestId("devices-table").textContent()).resolves.toMatch(/該当 \d+/);
    await page.getByRole("link", { name: "本社 FortiGate" }).click();
    await page.getByTestId("kev-affected").waitFor();
    // Affected in red with the fixed version; CVE-2018-13379 (FortiOS 5.4–6.0 only) is counted quietly.
    const affected = await page.getByTestId("kev-affected").textContent();
    expect(affected).toContain("CVE-2024-21762");
    expect(affected).toContain("修正版: 7.0.14 以降");
    expect(affected).toContain("範囲外書き込み");
    expect(affected).toContain("ランサムウェアで悪用");
    await expect(page.getByTestId("kev-affected").textContent()).resolves.not.toContain("CVE-2018-13379");
    await expect(page.getByTestId("kev-not-affected").textContent()).resolves.toMatch(/対象外: \d+ 件/);
    const catalog = await page.getByTestId("kev-catalog").textContent();
    expect(catalog).toContain("2026.08.07");
    // The release date in Japanese format (a fact carries its date).
    expect(catalog).toContain("2026年8月7日");
    await page.screenshot({ path: join(SHOTS, "readiness-device-kev.png"), fullPage: true });

    // Import: one bad row is shown with its row and column, nothing is written; the fixed file is confirmed.
    await page.getByRole("link", { name: /一覧へ戻る/ }).click();
    await page.getByTestId("devices-table").waitFor();
    await page.getByText("台帳ファイル（CSV（UTF-8 / Shift_JIS）または XLSX、2 MB まで）").waitFor();
    // The register import comes first; the KEV/NVD upload panel for offline machines follows it.
    const fileInput = page.locator('input[type="file"]').first();
    await page.getByTestId("kev-upload").getByText("NVD").first().waitFor();
    await fileInput.setInputFiles(
      csv([
        "支店 VPN,VPN,Fortinet,FortiGate 40F,7.0.12,あり,転送",
        "倉庫 NAS,トースター,QNAP,TS-231,,たぶん,",
      ]),
    );
    await page.getByRole("button", { name: "内容を確認" }).click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    const errorText = await errors.textContent();
    expect(errorText).toContain("3種別");
    expect(errorText).toContain("多要素認証");
    await expect(page.getByTestId("devices-table").textContent()).resolves.not.toContain("支店 VPN");
    await page.screenshot({ path: join(SHOTS, "readiness-import-errors.png"), fullPage: true });

    await fileInput.setInputFiles(
      csv(["支店 VPN,VPN,Fortinet,FortiGate 40F,7.0.12,あり,転送", "倉庫 NAS,NAS,QNAP,TS-231,,なし,"]),
    );
    await page.getByRole("button", { name: "内容を確認" }).click();
    await page.getByTestId("import-ready").waitFor();
    await page.getByRole("button", { name: "2 件を登録する" }).click();
    await page.getByText("2 件を登録しました。").waitFor();
    await expect.poll(() => page.getByTestId("devices-table").textContent()).toContain("倉庫 NAS");
    await page.close();
  });

  it("fits a phone screen", async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: "ja-JP",
      isMobile: true,
    });
    await page.goto(server.url);
    await page.getByLabel("メールアドレス").fill("admin@example.jp");
    await page.getByLabel(/^パスワード/).fill(PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByTestId("emergency-guidance").waitFor();
    await page.goto(`${server.url}/readiness/devices`);
    await page.getByTestId("devices-table").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.screenshot({ path: join(SHOTS, "readiness-devices-phone.png"), fullPage: true });
    await page.getByRole("tab", { name: "連絡先" }).click();
    await page.getByTestId("police-panel").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.screenshot({ path: join(SHOTS, "readiness-contacts-phone.png"), fullPage: true });
    // English: the same page with identical keys, built-in numbers still with their source.
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await expect(page.getByTestId("police-panel").textContent()).resolves.toContain(
      "Police consultation line",
    );
    await page.getByRole("tab", { name: "Internet-facing devices" }).click();
    await expect
      .poll(() => page.getByTestId("kev-catalog").textContent())
      .toContain("CISA KEV catalogue 2026.08.07");
    await page.close();
  });
});
