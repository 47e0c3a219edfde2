import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readNote, samplePackage } from "../packages/server/src/hub/testing/hub-test-app";
import { generateHubOrgKeyPair, submitReportToHub } from "../packages/server/src/org/hub-client/hub-client";
import { launchChromium } from "./support/browser";
import { type RunningServer, startSonae } from "./support/server-process";

/**
 * Issue 16 §7, the officer's workbench in a browser: queue → alert (shared indicator as text, the
 * other case's reference) → case → assign → share with another prefecture → PDF for the file.
 */
const SHOTS = join(import.meta.dirname, "..", ".test-results", "screenshots");
const PASSWORD = "correct horse battery staple";
// A low enrolment proof of work for the test's own organisation keys (client and hub read it).
process.env.SONAE_HUB_ENROL_POW_BITS = "8";
let hub: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [hub, browser] = await Promise.all([
    startSonae({ SONAE_MODE: "hub", SONAE_HUB_POW_BITS: "8", SONAE_HUB_ENROL_POW_BITS: "8" }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "sonae-e2e-pdf-"));
  try {
    writeFileSync(join(dir, "case.pdf"), pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "case.pdf"), "-"], {
      encoding: "utf8",
    }).replace(/\s+/g, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the officer's workbench", () => {
  it("queue → alert with the shared indicator → case → assign → share → PDF", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    // First run: the hub administrator becomes national unit admin (sees every unit).
    await page.goto(hub.url);
    await page.getByLabel("組織名").fill("警察庁 サイバー警察局(試験)");
    await page.getByLabel("氏名").fill("分析 一郎");
    await page.getByLabel("メールアドレス").fill("officer@police.example.jp");
    await page.getByLabel("パスワード（12文字以上）").fill(PASSWORD);
    await page.getByRole("button", { name: "設定を完了する" }).click();
    await page.getByRole("heading", { name: /ログイン/ }).waitFor();
    await page.getByLabel("メールアドレス").fill("officer@police.example.jp");
    await page.getByLabel(/^パスワード/).fill(PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByRole("heading", { name: "受付キュー" }).waitFor();

    // Two organisations in two prefectures report the same real Akira note.
    const note = readNote("akira", "akira_readme.txt");
    const sent: string[] = [];
    for (const [name, prefectureCode] of [
      ["株式会社東京", "13"],
      ["株式会社大阪", "27"],
    ] as const) {
      const receipt = await submitReportToHub({
        hubUrl: hub.url,
        payload: samplePackage({ title: `${name} 暗号化`, noteText: note }),
        privateKey: generateHubOrgKeyPair().privateKeyPem,
        orgName: name,
        prefectureCode,
      });
      sent.push(receipt.reference);
    }
    const [first, second] = sent as [string, string];

    // The queue: the alert names the later case, the earlier one by reference, and the shared onion as text.
    await page.reload();
    const alert = page.getByTestId("hub-alert").filter({ hasText: second });
    await alert.waitFor();
    await alert.getByTestId("hub-alert-related").filter({ hasText: first }).waitFor();
    expect((await alert.getByTestId("hub-alert-indicator").allTextContents()).join("\n")).toContain(
      "onion: akiral2iz6a7qgd3",
    );
    expect(await page.locator('a[href*=".onion"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, "hub-workbench-queue.png"), fullPage: true });

    // The case page shows its alert too.
    await alert.getByRole("link", { name: second }).click();
    const caseAlert = page.getByTestId("case-alert");
    await caseAlert.getByText(first).waitFor();
    expect((await caseAlert.getByTestId("hub-alert-indicator").allTextContents()).join("\n")).toContain(
      "onion: akiral2iz6a7qgd3",
    );
    expect(await page.getByTestId("related-exist").textContent()).toContain("関連事案あり 1 件");

    // Assign to the officer, then share with Kanagawa (read and message).
    await page.getByLabel("担当者", { exact: true }).first().click();
    await page.getByRole("option", { name: /分析 一郎/ }).click();
    await expect
      .poll(() => page.getByLabel("担当者", { exact: true }).first().inputValue())
      .toContain("officer@police.example.jp");
    await page.getByLabel("他ユニットと共有(閲覧・連絡)", { exact: true }).first().click();
    await page.getByRole("option", { name: "神奈川県警察" }).click();
    await page.getByRole("button", { name: "適用" }).nth(1).click();
    await expect
      .poll(async () => {
        const res = await page.request.get(`${hub.url}/api/hub/cases/${page.url().split("/").pop()}`);
        return ((await res.json()) as { sharedWith: { unitId: number }[] }).sharedWith.map((s) => s.unitId);
      })
      .toContain(14);
    await page.screenshot({ path: join(SHOTS, "hub-workbench-case.png"), fullPage: true });

    // The PDF for the file, from the case page's button (same session).
    const href = await page.getByTestId("export-pdf").getAttribute("href");
    const res = await page.request.get(`${hub.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["cache-control"]).toBe("no-store");
    const text = pdfText(await res.body());
    expect(text).toContain(second);
    expect(text).toContain("共有:神奈川県警察");
    expect(text).toContain("担当者:—→officer@police.example.jp");
    expect(text).toContain("case_exported");

    // The memberships screen is there for the (national) unit admin.
    await page.goto(`${hub.url}/hub/admin/members`);
    await page.getByTestId("members-table").getByText("officer@police.example.jp").waitFor();
    await page.close();
  });
});
