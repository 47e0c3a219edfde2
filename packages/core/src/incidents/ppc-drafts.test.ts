import { describe, expect, it } from "vitest";
import { assessPpc } from "./ppc-assessment";
import { buildPpcDrafts } from "./ppc-drafts";

const incident = {
  title: "ファイルサーバ暗号化",
  summary: "共有フォルダのファイルが暗号化され、脅迫文が置かれていた。",
  symptoms: ["files_encrypted", "ransom_note"] as const,
  discoveredAt: "2026-11-19T15:30:00.000Z",
  discoveredHow: "出社した社員の報告",
  learnedAt: "2026-11-19T16:00:00.000Z",
  intrusionMethod: "vpn-vulnerability" as const,
  intrusionDetail: "VPN機器のログに海外からの認証成功",
  demand: null,
  family: {
    familyName: "LockBit",
    confidence: 0.9,
    identifiedAt: "2026-11-20T00:00:00.000Z",
    candidates: [],
  },
  timeline: [
    {
      id: "1",
      at: "2026-11-19T16:10:00.000Z",
      source: "manual" as const,
      text: "VPN機器を停止",
      isAction: true,
    },
    { id: "2", at: "2026-11-19T16:20:00.000Z", source: "manual" as const, text: "社内連絡", isAction: false },
  ],
  deadlines: [],
  ppc: assessPpc(
    {
      sensitiveData: "no",
      financialHarm: "no",
      unauthorisedPurpose: "yes",
      over1000: "yes",
      affectedCount: 1520,
      dataItems: "氏名、住所、電話番号",
      encryptedAtRest: "no",
    },
    ["files_encrypted", "ransom_note"],
  ),
};

describe("PPC drafts (規則8条1項, 規則10条)", () => {
  it("fills the nine items from the incident and marks what only the person can know", () => {
    const d = buildPpcDrafts({ ...incident, symptoms: [...incident.symptoms] }, "株式会社備え製作所", "ja");
    expect(d.final.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(d.final[0]!.text).toContain("2026年11月20日 00:30");
    expect(d.final[0]!.text).toContain("ファイルの暗号化");
    expect(d.final[1]!.text).toBe("氏名、住所、電話番号");
    expect(d.final[2]!.text).toBe("1,520人");
    expect(d.final[3]!.text).toContain("VPN機器の脆弱性");
    expect(d.final[3]!.text).toContain("LockBit");
    expect(d.final[7]!.text).toContain("VPN機器を停止");
    expect(d.final[7]!.text).not.toContain("社内連絡");
    expect(d.final[8]!.text).toContain("不正の目的をもって行われたおそれ（同3号）");
    expect(d.final[8]!.text).toContain("1,000人を超える");
    // Publication and the notice to individuals are decisions the record does not hold.
    expect(d.final[6]).toMatchObject({ needsInput: true });
    expect(d.final[6]!.text).toMatch(/^【要記入】/);
    expect(d.prompt[6]!.text).toContain("調査中");
    expect(d.prompt[6]!.needsInput).toBe(false);
  });

  it("drafts the notice to individuals with items 1, 2, 4, 5 and 9 only, in the chosen language", () => {
    const ja = buildPpcDrafts(
      { ...incident, symptoms: [...incident.symptoms] },
      "株式会社備え製作所",
      "ja",
    ).notice;
    expect(ja).toContain("■ 概要");
    expect(ja).toContain("■ 原因");
    expect(ja).toContain("■ その他参考となる事項");
    expect(ja).not.toContain("■ 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数");
    expect(ja).not.toContain("■ 本人への対応");
    expect(ja).not.toContain("再発防止");
    expect(ja).toContain("【要記入】問合せ窓口");
    expect(ja.trim().endsWith("株式会社備え製作所")).toBe(true);
    const en = buildPpcDrafts({ ...incident, symptoms: [...incident.symptoms] }, "Sonae Ltd", "en");
    expect(en.final[2]!.text).toBe("1520 individuals");
    expect(en.notice).toContain("- Cause");
    expect(en.notice).not.toContain("■");
    expect(en.notice).toContain("[TO FILL IN] contact desk");
  });
});
