import path from "node:path";
import { describe, expect, it } from "vitest";
import { keysNotice } from "./backup";

describe("sonae backup keys notice", () => {
  it("names the key folder to keep separately, in Japanese then English", () => {
    const text = keysNotice("/srv/sonae-data", false, {});
    const keys = path.join("/srv/sonae-data", "keys");
    const ja = text.indexOf("鍵はバックアップに含めていません");
    const en = text.indexOf("keys are not in the backup");
    expect(ja).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(ja);
    expect(text.split(keys)).toHaveLength(3); // once per language
    expect(text).not.toContain("SONAE_HUB_KEK");
  });

  it("mentions the KEK variable when the KEK comes from the environment, and the keys file when written", () => {
    const text = keysNotice("/srv/sonae-data", true, { SONAE_HUB_KEK: "x" });
    expect(text).toContain("SONAE_HUB_KEK");
    expect(text).toContain("--keys-out");
  });
});
