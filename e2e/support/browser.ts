import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium, headless, with the flags this machine needs (STACK.md); never a downloaded
 * browser. Playwright gives every launch a fresh, empty profile of its own.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
