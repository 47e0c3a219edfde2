import { mkdirSync, readFileSync } from "node:fs";
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

async function setUpAndSignIn(page: Page) {
  await page.goto(server.url);
  await page.getByRole("heading", { name: "初期設定" }).waitFor();
  await page.getByLabel("組織名").fill("株式会社備え製作所");
  await page.getByLabel("氏名").fill("管理 太郎");
  await page.getByLabel("メールアドレス").fill("admin@example.jp");
  await page.getByLabel("パスワード（12文字以上）").fill(PASSWORD);
  await page.getByRole("button", { name: "設定を完了する" }).click();
  await page.getByRole("heading", { name: /ログイン/ }).waitFor();
  await page.getByLabel("メールアドレス").fill("admin@example.jp");
  await page.getByLabel(/^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByTestId("emergency-guidance").waitFor();
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("readiness part B in a real browser", () => {
  it("records a backup and a log source with warnings, answers an item, sees the score and gaps, edits the network diagram and exports SVG", async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: "ja-JP",
      acceptDownloads: true,
    });
    await setUpAndSignIn(page);
    // Nothing recorded yet: the dashboard says so instead of showing a score.
    await page.getByTestId("dashboard-empty").waitFor();

    await page.goto(`${server.url}/readiness/backups`);
    await page.getByRole("button", { name: "バックアップを追加" }).click();
    await page.getByLabel("名称").fill("ファイルサーバ日次");
    await page.getByLabel("保護対象").fill("共有フォルダ（見積・図面）");
    await page.getByRole("button", { name: "保存" }).click();
    await expect
      .poll(() => page.getByTestId("backup-warnings").textContent())
      .toContain("常時接続のバックアップです");
    await expect
      .poll(() => page.getByTestId("backup-findings").textContent())
      .toContain("オフラインまたは改ざん不能");

    await page.goto(`${server.url}/readiness/logs`);
    await page.getByRole("button", { name: "ログ取得元を追加" }).click();
    await page.getByLabel("名称").fill("SSL-VPN イベントログ");
    await choose(page, "保存先", "機器のメモリのみ（電源断で消失）");
    await page.getByLabel("保存日数").fill("7");
    await page.getByRole("button", { name: "保存" }).click();
    const logWarnings = page.getByTestId("log-warnings");
    await expect.poll(() => logWarnings.textContent()).toContain("電源を切らずに");
    await expect.poll(() => logWarnings.textContent()).toContain("90日未満");

    await page.goto(`${server.url}/readiness/assessment`);
    const credentials = page.getByTestId("assessment-item-credentials");
    await credentials.getByText("はい", { exact: true }).click();
    await expect.poll(() => credentials.textContent()).toContain("達成");
    const score = await page.getByTestId("readiness-score").textContent();
    expect(score).toMatch(/^\d+\s*\/ 100$/);
    const gaps = page.getByTestId("gap");
    expect(await gaps.count()).toBeGreaterThan(3);
    // Backups are judged from the register: online only, so the offline-backup item is a gap.
    await expect
      .poll(() => page.getByTestId("gap-list").textContent())
      .toContain("オフラインのバックアップがあり");
    await expect.poll(() => page.getByTestId("assessment-item-cyber-bcp").textContent()).toContain("約18%");
    await page.screenshot({ path: join(SHOTS, "readiness-assessment.png"), fullPage: true });

    await page.goto(`${server.url}/readiness/network`);
    await page.getByText("まだ構成図がありません").waitFor();
    await choose(page, "種類", "インターネット");
    await page.getByRole("button", { name: "ノードを追加" }).click();
    await choose(page, "種類", "機器");
    await page.getByLabel("名前").fill("本社 SSL-VPN");
    await page.getByRole("button", { name: "ノードを追加" }).click();
    await choose(page, "種類", "セグメント");
    await page.getByLabel("名前").fill("社内LAN");
    await page.getByRole("button", { name: "ノードを追加" }).click();
    expect(await page.getByTestId("diagram-node").count()).toBe(3);
    await choose(page, "接続元", "インターネット");
    await choose(page, "接続先", "本社 SSL-VPN");
    await page.getByRole("button", { name: "接続を追加" }).click();
    await choose(page, "接続元", "本社 SSL-VPN");
    await choose(page, "接続先", "社内LAN");
    await page.getByRole("button", { name: "接続を追加" }).click();
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(2);
    await page.getByRole("button", { name: "自動配置" }).click();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByTestId("diagram-saved-at").waitFor();

    await page.reload();
    await expect.poll(() => page.getByTestId("diagram-node").count()).toBe(3);
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(2);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "SVGで出力" }).click();
    const file = await (await download).path();
    const svg = readFileSync(file, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("本社 SSL-VPN");
    expect(svg.match(/<line /g)).toHaveLength(2);
    // Auto layout put the internet above the VPN and the VPN above the LAN.
    const ys = ["インターネット / Internet", "本社 SSL-VPN", "社内LAN"].map((label) => {
      const at = svg.indexOf(`>${label}</text>`);
      return Number(/y="([\d.]+)"[^>]*>[^<]*$/.exec(svg.slice(svg.lastIndexOf("<text", at), at + 1))?.[1]);
    });
    expect(ys[0]).toBeLessThan(ys[1]!);
    expect(ys[1]).toBeLessThan(ys[2]!);
    const pngDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "PNGで出力" }).click();
    const png = readFileSync(await (await pngDownload).path());
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    await page.screenshot({ path: join(SHOTS, "readiness-network.png"), fullPage: true });

    await page.goto(server.url);
    await page.getByRole("heading", { name: "株式会社備え製作所 の備えの状況" }).waitFor();
    await expect.poll(() => page.getByTestId("dashboard-score").textContent()).toMatch(/\d+ \/ 100/);
    await expect
      .poll(() => page.getByTestId("dashboard-backups").textContent())
      .toContain("1件の登録に警告があります");
    await expect
      .poll(() => page.getByTestId("dashboard-logs").textContent())
      .toContain("機器内にしかありません");
    await page.screenshot({ path: join(SHOTS, "dashboard-readiness.png"), fullPage: true });
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
    await page.getByTestId("dashboard-score").waitFor();
    for (const path of ["/", "/readiness/assessment", "/readiness/backups", "/readiness/network"]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole("heading", { level: 3 }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow, path).toBe(false);
    }
    // English: the same keys exist in both languages.
    await page.evaluate(() => localStorage.setItem("sonae.lang", "en"));
    await page.goto(`${server.url}/readiness/assessment`);
    await page.getByRole("heading", { name: "Readiness assessment" }).waitFor();
    await page.getByRole("heading", { name: "Gaps to close first" }).waitFor();
    await expect
      .poll(() => page.getByTestId("assessment-item-cyber-bcp").textContent())
      .toContain("About 18% of ransomware victims");
    await page.screenshot({ path: join(SHOTS, "readiness-assessment-en-phone.png"), fullPage: false });
    await page.close();
  });
});
