/**
 * Texts of the organisation's "report to the police" pages (namespace "policeReport"):
 * Japanese first, English with the same keys.
 */
export const policeReportJa = {
  outboxTitle: "警察への報告",
  outboxIntro: "インシデントの報告パッケージを、署名付きで警察のハブへ送信します。",
  hubUrl: "ハブのURL",
  incident: "インシデント",
  packageJson: "報告パッケージ(JSON)",
  choose: "選択してください",
  sendReport: "警察へ報告する",
  sent: "送信済みの報告",
  noneSent: "まだ送信していません。",
  ourFingerprint: "この組織の鍵の指紋(警察から確認の電話があったら読み上げてください)",
  feed: {
    title: "警察からの注意喚起",
    fetchedFrom: "取得元: {{hub}}（取得 {{at}}）",
    notConfigured:
      "警察ハブの URL が未設定です。報告を送ったハブ、または環境変数 SONAE_HUB_URL のハブから注意喚起を取得します。",
    none: "現在、自県・全国向けの注意喚起はありません。",
  },
} as const;

export const policeReportEn: Record<keyof typeof policeReportJa, unknown> = {
  outboxTitle: "Report to the police",
  outboxIntro: "Sends an incident's report package to the police hub, signed with this organisation's key.",
  hubUrl: "Hub URL",
  incident: "Incident",
  packageJson: "Report package (JSON)",
  choose: "Choose",
  sendReport: "Report to the police",
  sent: "Reports sent",
  noneSent: "Nothing sent yet.",
  ourFingerprint: "This organisation's key fingerprint (read it out when the police call to confirm)",
  feed: {
    title: "Advisories from the police",
    fetchedFrom: "From {{hub}} (fetched {{at}})",
    notConfigured:
      "No police hub is configured yet. Advisories come from the hub you reported to, or the one in SONAE_HUB_URL.",
    none: "No advisories for your prefecture or nationwide right now.",
  },
};
