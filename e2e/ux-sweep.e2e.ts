import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubExchangeJa } from "../packages/web/src/components/hub-exchange/locales";
import { hubJa } from "../packages/web/src/hub/locales";
import { ja } from "../packages/web/src/i18n/ja";
import { evidenceJa } from "../packages/web/src/org/evidence/locales";
import { incidentsJa } from "../packages/web/src/org/incidents/locales";
import { plansJa } from "../packages/web/src/org/plans/locales";
import { policeReportJa } from "../packages/web/src/org/police-report/locales";
import { ransomwareJa } from "../packages/web/src/org/ransomware/locales";
import { readinessJa } from "../packages/web/src/org/readiness/locales";
import { launchChromium } from "./support/browser";
import { setUpOrganisation, signIn } from "./support/organisation";
import { type RunningServer, startSonae } from "./support/server-process";

/**
 * A sweep over every signed-in page of an organisation's server, as a user sees it: no i18n key shown
 * instead of text (in ja and en), no horizontal page overflow at phone width, Japanese dates in ja.
 */

// i18next shows a missing key as the key itself ("devices.types.server"): a dotted word run whose
// first segment is one of our top-level keys is such a leak.
const TOP_LEVEL_KEYS = new Set(
  [
    ja,
    evidenceJa,
    hubJa,
    hubExchangeJa,
    policeReportJa,
    incidentsJa,
    plansJa,
    ransomwareJa,
    readinessJa,
  ].flatMap((o) => Object.keys(o)),
);
function untranslatedKeys(text: string): string[] {
  const found = text.match(/\b[a-z][A-Za-z]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+\b/g) ?? [];
  const isFileName = (k: string) => /\.(zip|csv|xlsx|json|pdf|html|txt|png|svg|evtx)$/.test(k);
  return [...new Set(found.filter((k) => TOP_LEVEL_KEYS.has(k.split(".")[0]!) && !isFileName(k)))];
}

let server: RunningServer;
let browser: Browser;
let incidentId = "";

async function apiCall(page: Page, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await page.evaluate(
    async ([method, path, body]) => {
      const session = await (await fetch("/api/session")).json();
      const r = await fetch(path as string, {
        method: method as string,
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, json: await r.json().catch(() => null) };
    },
    [method, path, body] as const,
  );
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json;
}

beforeAll(async () => {
  server = await startSonae();
  browser = await launchChromium();
  await setUpOrganisation(browser, server.url);
  const page = await browser.newPage({ locale: "ja-JP" });
  await signIn(page, server.url);
  await apiCall(page, "POST", "/api/readiness/devices", {
    name: "本社VPN",
    type: "vpn",
    vendor: "Fortinet",
    product: "FortiOS",
    version: "7.0.1",
    mfaEnabled: false,
    logLocation: "memory",
  });
  // Entered from memory, never verified: the page must not present it as a fact.
  await apiCall(page, "POST", "/api/readiness/contacts", {
    category: "police_desk",
    role: "prefectural_desk",
    name: "警視庁 サイバー犯罪対策課",
    phone: "03-0000-0000",
  });
  const created = (await apiCall(page, "POST", "/api/incidents", { symptoms: [] })) as { id: string };
  incidentId = created.id;
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PAGES = () => [
  "/",
  "/readiness/assessment",
  "/readiness/contacts",
  "/readiness/devices",
  "/readiness/backups",
  "/readiness/logs",
  "/readiness/network",
  "/plans",
  "/incidents",
  `/incidents/${incidentId}/wizard`,
  `/incidents/${incidentId}/checklist`,
  `/incidents/${incidentId}/demand`,
  `/incidents/${incidentId}/indicators`,
  `/incidents/${incidentId}/deadlines`,
  `/incidents/${incidentId}/export`,
  "/evidence",
  "/identify",
  "/hub",
  "/organisation",
  "/users",
  "/audit",
  "/account/password",
];

async function openSignedIn(lang: "ja" | "en", phone: boolean): Promise<Page> {
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    locale: lang === "ja" ? "ja-JP" : "en-GB",
    isMobile: phone,
  });
  const page = await context.newPage();
  await signIn(page, server.url);
  await page.evaluate((l) => localStorage.setItem("sonae.lang", l), lang);
  return page;
}

/**
 * Visits a page and waits until its data has loaded (no request in flight, no loader shown). Returns
 * the visible text without <code> elements: those hold technical identifiers on purpose (audit event
 * types, commands, payloads), which are not UI text.
 */
async function visit(page: Page, path: string): Promise<string> {
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator('[aria-label="loading"]').count()).toBe(0);
  return page.evaluate(() => {
    // innerText, not textContent: only what is rendered, with line breaks between blocks.
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is being checked
    let text = document.body.innerText;
    for (const code of document.querySelectorAll<HTMLElement>("code, pre")) {
      // biome-ignore lint/performance/useDomNodeTextContent: must match the body's innerText above
      text = text.replace(code.innerText, " ");
    }
    return text;
  });
}

describe("every page, as a user sees it", () => {
  it("the key detector finds a leaked key and ignores addresses", () => {
    expect(untranslatedKeys("devices.types.server と admin@example.jp、INC-1-evidence.zip")).toEqual([
      "devices.types.server",
    ]);
  });

  it("in Japanese on a phone: no untranslated key, no horizontal overflow, dates in Japanese", async () => {
    const page = await openSignedIn("ja", true);
    const problems: string[] = [];
    for (const path of PAGES()) {
      const text = await visit(page, path);
      const keys = untranslatedKeys(text);
      if (keys.length) problems.push(`${path}: keys ${keys.join(", ")}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${path}: ${overflow}px horizontal overflow`);
    }
    expect(problems).toEqual([]);

    // Facts carry their date in Japanese format, not ISO.
    const devices = await visit(page, "/readiness/devices");
    expect(devices).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 公開/);
    const dashboard = await visit(page, "/");
    expect(dashboard.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).toEqual([]);

    // An unverified police desk number is flagged and points to the official list.
    await visit(page, "/readiness/contacts");
    const desk = page.getByTestId("police-desk-unverified");
    await expect.poll(() => desk.textContent()).toContain("確認されていません");
    expect(await desk.getByRole("link").getAttribute("href")).toMatch(/^https:\/\/www\.npa\.go\.jp\//);
    await page.context().close();
  });

  it("in English on a desktop: no untranslated key", async () => {
    const page = await openSignedIn("en", false);
    const problems: string[] = [];
    for (const path of PAGES()) {
      const keys = untranslatedKeys(await visit(page, path));
      if (keys.length) problems.push(`${path}: keys ${keys.join(", ")}`);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
