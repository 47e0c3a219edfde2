import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { type RunningServer, startSonae } from "./support/server-process";

const SHOTS = join(import.meta.dirname, "..", ".test-results", "screenshots");
const DOWNLOADS = mkdtempSync(join(tmpdir(), "sonae-plans-e2e-"));
const EMAIL = "plans-admin@example.jp";
const PASSWORD = "correct horse battery staple";
/** Fictitious number (test only). */
const DESK_PHONE = "03-0000-0110";
let server: RunningServer;
let browser: Browser;

/** First-run setup and the organisation's record through the API, as the other areas' screens would. */
async function seedOrganisation(url: string) {
  const session = async (cookie = "") => {
    const res = await fetch(`${url}/api/session`, { headers: { cookie } });
    const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
    return {
      token: (await res.json()).csrfToken as string,
      cookie: [cookie, ...cookies].filter(Boolean).join("; "),
    };
  };
  const post = async (path: string, body: unknown, s: { token: string; cookie: string }) => {
    const res = await fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": s.token, cookie: s.cookie },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  const anon = await session();
  await post(
    "/api/setup",
    {
      organisation: {
        name: "株式会社備え製作所",
        prefectureCode: "13",
        industryCode: "E",
        smeSubSector: null,
        capitalYen: 30_000_000,
        employees: 45,
      },
      admin: { displayName: "管理 太郎", email: EMAIL, password: PASSWORD },
    },
    anon,
  );
  const login = await post("/api/auth/login", { email: EMAIL, password: PASSWORD }, anon);
  const loggedIn = await session(
    [anon.cookie, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; "),
  );
  await post(
    "/api/readiness/contacts",
    {
      category: "police_desk",
      role: "prefectural_desk",
      name: "警視庁 サイバー犯罪相談窓口",
      phone: DESK_PHONE,
      verifiedAt: "2026-10-01",
    },
    loggedIn,
  );
  await post(
    "/api/readiness/contacts",
    { category: "team", role: "responsible", name: "山田 太郎", phone: "03-0000-0001" },
    loggedIn,
  );
}

async function download(page: Page, link: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const target = join(DOWNLOADS, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

const pdfText = (file: string) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startSonae();
  browser = await launchChromium();
  await seedOrganisation(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(DOWNLOADS, { recursive: true, force: true });
});

describe("plans and drills in a real browser", () => {
  it("fills the BCP input, generates, approves, downloads, diffs and runs a drill to its report", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "ja-JP",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    // The machine is shared: allow slow first paints under load rather than fail spuriously.
    page.setDefaultTimeout(60_000);
    await page.goto(server.url);
    await page.getByLabel("メールアドレス").fill(EMAIL);
    await page.getByLabel(/^パスワード/).fill(PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByTestId("emergency-guidance").waitFor();

    // 1. Business functions (BCP input).
    await page.goto(`${server.url}/plans?tab=functions`);
    await page.getByLabel("業務名").fill("受注・出荷");
    await page.getByLabel("目標復旧時間（時間）").fill("24");
    await page.getByLabel("手作業での代替手段").fill("FAXと紙の受注票で受け付ける");
    await page.getByRole("button", { name: "業務を追加" }).click();
    await expect.poll(() => page.getByTestId("business-functions").textContent()).toContain("受注・出荷");

    // 2. Generate the manual and the BCP, approve the manual, download PDF and offline HTML.
    await page.getByRole("tab", { name: "文書と版" }).click();
    await page.getByTestId("plan-manual").getByRole("button", { name: "新しい版を作成" }).click();
    await page.getByTestId("version-manual-1").waitFor();
    await page.getByTestId("plan-bcp").getByRole("button", { name: "新しい版を作成" }).click();
    await page.getByTestId("version-bcp-1").waitFor();
    await page.getByRole("button", { name: "第1版 承認する" }).first().click();
    await expect.poll(() => page.getByTestId("version-manual-1").textContent()).toContain("承認 管理 太郎");
    await expect.poll(() => page.getByTestId("version-manual-1").textContent()).toContain("次回見直し期限");

    const manualRow = page.getByTestId("version-manual-1");
    const manualPdf = await download(page, manualRow.getByRole("link", { name: "第1版 PDF" }));
    const text = pdfText(manualPdf);
    expect(text).toContain("警視庁サイバー犯罪相談窓口");
    expect(text).toContain(DESK_PHONE);
    expect(text).toContain("ネットワークから隔離");
    expect(text).toContain("承認");
    const html = readFileSync(
      await download(page, manualRow.getByRole("link", { name: "第1版 オフラインHTML" })),
      "utf8",
    );
    expect(html).toContain(DESK_PHONE);
    expect(html).not.toMatch(/<(script|link|img|iframe|a)\b|\b(src|href)\s*=|url\(|@import/i);

    // 3. Change the record, regenerate the BCP and see the change in the diff.
    await page.getByRole("tab", { name: "業務（BCP）" }).click();
    await page.getByLabel("業務名").fill("給与計算");
    await page.getByLabel("復旧の優先順位（1が最優先）").fill("2");
    await page.getByLabel("目標復旧時間（時間）").fill("120");
    await page.getByRole("button", { name: "業務を追加" }).click();
    await expect.poll(() => page.getByTestId("business-functions").textContent()).toContain("給与計算");
    await page.getByRole("tab", { name: "文書と版" }).click();
    await page.getByTestId("plan-bcp").getByRole("button", { name: "新しい版を作成" }).click();
    await page.getByTestId("version-bcp-2").waitFor();
    await page.getByTestId("plan-bcp").getByRole("button", { name: "差分を表示" }).click();
    const added = page.getByTestId("diff-bcp").locator('[data-op="added"]');
    await expect.poll(() => added.allTextContents().then((t) => t.join("\n"))).toContain("給与計算");
    await page.screenshot({ path: join(SHOTS, "plans-documents.png"), fullPage: true });

    // 4. Run the ransomware drill, facilitated, to its after-action report.
    await page.getByRole("tab", { name: "机上訓練" }).click();
    const scenario = page.getByTestId("scenario-ransomware-vpn");
    await scenario
      .getByLabel("参加者（1行に1人、「氏名, 役割」）")
      .fill("山田 太郎, 対応責任者\n鈴木 一郎, 情報システム");
    await scenario.getByRole("button", { name: /訓練を開始/ }).click();
    await page.getByTestId("inject-vpn-advisory").waitFor();
    await page.getByLabel("判断・質問").fill("VPN装置の更新まで外部公開を停止する");
    await page.getByRole("button", { name: "判断を記録" }).click();
    await expect
      .poll(() => page.getByTestId("inject-vpn-advisory").textContent())
      .toContain("外部公開を停止");
    while (await page.getByRole("button", { name: "次の状況付与" }).isVisible()) {
      await page.getByRole("button", { name: "次の状況付与" }).click();
      await page.waitForTimeout(150);
    }
    await page.getByTestId("inject-encryption").waitFor();
    // The decision belongs to the encryption inject, not the latest one.
    await page.getByRole("combobox", { name: "対象の状況" }).click();
    await page.getByRole("option", { name: /^5\. 暗号化/ }).click();
    await page.getByRole("combobox", { name: "発言者" }).click();
    await page.getByRole("option", { name: "鈴木 一郎" }).click();
    await page.getByLabel("判断・質問").fill("都道府県警察へ通報しBCPを発動する");
    await page.getByRole("button", { name: "判断を記録" }).click();
    await expect
      .poll(() => page.getByTestId("inject-encryption").textContent())
      .toContain("鈴木 一郎: 都道府県警察へ通報");
    await page.getByLabel("総括").fill("通報は早かったがログ保全の判断が遅れた");
    await page.getByRole("button", { name: "改善項目を追加" }).click();
    await page.getByLabel("改善項目 1").fill("VPN装置のログがメモリにしかない");
    await page.getByLabel("改善策 1").fill("ログを外部のサーバへ転送する");
    await page.getByRole("button", { name: "訓練を終了して事後報告書を作成" }).click();
    const report = page.getByTestId("drill-report");
    await report.waitFor();
    await expect.poll(() => report.textContent()).toContain("VPN装置のログがメモリにしかない");
    expect(await report.textContent()).toContain("判断の記録なし");
    expect(await page.getByTestId("drill-finding").count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(SHOTS, "plans-drill-report.png"), fullPage: true });
    const reportText = pdfText(await download(page, page.getByRole("link", { name: "事後報告書PDF" })));
    expect(reportText).toContain("机上訓練事後報告書");
    expect(reportText).toContain("VPN装置の更新まで外部公開を停止する");

    // The findings are open items on the drills tab.
    await page.getByRole("link", { name: "計画・訓練に戻る" }).click();
    await expect.poll(() => page.getByText("VPN装置のログがメモリにしかない").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("fits a phone screen", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "ja-JP",
      isMobile: true,
    });
    const page = await context.newPage();
    // The machine is shared: allow slow first paints under load rather than fail spuriously.
    page.setDefaultTimeout(60_000);
    await page.goto(server.url);
    await page.getByLabel("メールアドレス").fill(EMAIL);
    await page.getByLabel(/^パスワード/).fill(PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByTestId("emergency-guidance").waitFor();
    for (const tab of ["documents", "functions", "drills"]) {
      await page.goto(`${server.url}/plans?tab=${tab}`);
      await page.getByRole("heading", { name: "計画・訓練" }).waitFor();
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow, tab).toBe(false);
    }
    await page.screenshot({ path: join(SHOTS, "plans-phone.png"), fullPage: true });
    // English is available with the same screens.
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { name: "Plans & drills" }).waitFor();
    await page.getByRole("tab", { name: "Tabletop drills" }).waitFor();
    await expect
      .poll(() => page.getByTestId("scenario-ransomware-vpn").textContent())
      .toContain("Ransomware through an unpatched VPN device");
    await context.close();
  });
});
