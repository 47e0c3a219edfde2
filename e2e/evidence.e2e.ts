import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { preserveEvidence } from "@sonae/evidence";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { setUpOrganisation, signIn } from "./support/organisation";
import { type RunningServer, startSonae } from "./support/server-process";

const SHOTS = join(import.meta.dirname, "..", ".test-results", "screenshots");
/** curated-subset.csv, log-clearing: 90 x System 104 + Security 1102 (CC0-1.0). */
const CLEARED = join(
  import.meta.dirname,
  "../../shared/data/evtx/EVTX-to-MITRE-Attack/TA0005-Defense Evasion/T1070.001-Clear Windows event logs/ID104-1102-Event log cleared.evtx",
);
const tmp = mkdtempSync(join(tmpdir(), "sonae-e2e-evidence-"));
const bundlePath = join(tmp, "pc-01-evidence.zip");
let server: RunningServer;
let browser: Browser;
let incidentId = "";

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startSonae(), launchChromium()]);
  await preserveEvidence({
    paths: [CLEARED],
    caseId: "INC-2026-0001",
    examiner: "情報システム課 佐藤",
    outPath: bundlePath,
    keyDir: join(tmp, "keys"),
    ntpServer: null,
  });
  await setUpOrganisation(browser, server.url);
  const page = await browser.newPage({ locale: "ja-JP" });
  await login(page);
  // The incident itself is the incidents area's journey; here it is opened through the same API.
  incidentId = await page.evaluate(async () => {
    const session = await (await fetch("/api/session")).json();
    const res = await fetch("/api/incidents", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
      body: JSON.stringify({ symptoms: ["files_encrypted"] }),
    });
    return (await res.json()).id as string;
  });
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function login(page: Page) {
  await signIn(page, server.url);
}

describe("evidence in a real browser", () => {
  it("uploads a bundle, sees it verified, downloads it, triages it and jumps to a detection's events", async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: "ja-JP",
      acceptDownloads: true,
    });
    await login(page);
    await page.goto(`${server.url}/evidence?incident=${incidentId}`);
    await page.getByRole("heading", { name: "証拠保全とトリアージ" }).waitFor();
    await expect.poll(() => page.getByText("sonae preserve C:\\Windows").count()).toBe(1);

    await page.locator('input[type="file"]').setInputFiles(bundlePath);
    await page.getByRole("button", { name: "アップロードして検証" }).click();
    await page.getByText("検証に成功し、保管しました").waitFor();
    await page.getByTestId("verification-ok").waitFor();
    await expect.poll(() => page.getByTestId("custody-chain").textContent()).toContain("vault.stored");
    // Signed by a key this installation does not know (the examiner's own): valid, but not "verified".
    const table = await page.getByTestId("bundle-table").textContent();
    expect(table).toContain("署名は有効 — 署名者不明");
    expect(table).not.toContain("検証済み");
    await page.screenshot({ path: join(SHOTS, "evidence-detail.png"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /バンドルをダウンロード/ }).click(),
    ]);
    const saved = join(tmp, "downloaded.zip");
    await download.saveAs(saved);
    const digest = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
    expect(digest(saved)).toBe(digest(bundlePath));

    await page.getByRole("button", { name: "このバンドルをトリアージ" }).click();
    await page.getByTestId("triage-done").waitFor({ timeout: 60_000 });
    const detections = page.getByTestId("detections");
    await expect.poll(() => detections.textContent()).toContain("イベントログの消去");
    await page.screenshot({ path: join(SHOTS, "evidence-triage.png"), fullPage: true });
    // The page leads with the first-response answers; each answer opens its evidence events.
    const answers = page.getByTestId("first-response");
    expect(await answers.textContent()).toContain("初動の要点");
    const turnedOff = page.getByTestId("first-response-turnedOff");
    expect(await turnedOff.textContent()).toContain("イベントログの消去");
    await page.getByTestId("first-response-whenFirst").getByRole("button").first().click();
    await page.getByTestId("detection-filter").waitFor();
    await expect.poll(() => page.getByTestId("timeline-total").textContent()).toMatch(/^1 件中/);
    await page.getByRole("button", { name: "絞り込みを解除" }).click();
    await detections.getByRole("button", { name: "根拠のイベントを表示" }).first().click();
    await page.getByTestId("detection-filter").waitFor();
    await expect.poll(() => page.getByTestId("timeline-total").textContent()).toMatch(/^1 件中/);
    expect(await page.getByTestId("timeline-table").textContent()).toMatch(/1102|104/);
    await page.getByTestId("detection-filter").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "evidence-detection-events.png") });
    await page.getByRole("button", { name: "絞り込みを解除" }).click();
    await expect.poll(() => page.getByTestId("timeline-total").textContent()).toMatch(/^91 件中/);
    await page.close();
  });

  it("works at phone width", async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: "ja-JP",
      isMobile: true,
    });
    await login(page);
    await page.goto(`${server.url}/evidence?incident=${incidentId}`);
    await page.getByTestId("bundle-table").waitFor();
    await page.getByTestId("triage-done").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.screenshot({ path: join(SHOTS, "evidence-phone.png"), fullPage: true });
    await page.close();
  });
});
