import type { TIncidentSymptom } from "./incident-contracts";

export type DraftLang = "ja" | "en";

/** The nine items of 個人情報保護法施行規則 第8条第1項, as the PPC's web form asks them. */
export const PPC_ITEM_LABELS: Record<DraftLang, readonly string[]> = {
  ja: [
    "1. 概要",
    "2. 漏えい等が発生し、又は発生したおそれがある個人データの項目",
    "3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数",
    "4. 原因",
    "5. 二次被害又はそのおそれの有無及びその内容",
    "6. 本人への対応の実施状況",
    "7. 公表の実施状況",
    "8. 再発防止のための措置",
    "9. その他参考となる事項",
  ],
  en: [
    "1. Outline",
    "2. Items of personal data leaked or possibly leaked",
    "3. Number of individuals concerned",
    "4. Cause",
    "5. Secondary harm or its risk, and its nature",
    "6. What has been done for the individuals",
    "7. Publication",
    "8. Measures against recurrence",
    "9. Other relevant matters",
  ],
};

export const SYMPTOM_TEXT: Record<DraftLang, Record<TIncidentSymptom, string>> = {
  ja: {
    files_encrypted: "ファイルの暗号化",
    ransom_note: "脅迫文（ランサムノート）の設置",
    unknown_logins: "不審なログイン",
    data_leak_claim: "情報窃取・公開の主張",
    service_down: "サービスの停止",
    account_takeover: "アカウントの乗っ取り",
    phishing: "フィッシング",
  },
  en: {
    files_encrypted: "files encrypted",
    ransom_note: "a ransom note left",
    unknown_logins: "unknown logins",
    data_leak_claim: "a claim that data was stolen or published",
    service_down: "a service outage",
    account_takeover: "an account taken over",
    phishing: "phishing",
  },
};

export const INTRUSION_TEXT: Record<DraftLang, Record<string, string>> = {
  ja: {
    "vpn-vulnerability": "VPN機器の脆弱性を悪用した不正アクセス",
    "vpn-credentials": "VPN機器の認証情報を悪用した不正アクセス",
    rdp: "リモートデスクトップ経由の不正アクセス",
    phishing: "フィッシング（なりすましメール・偽サイト）",
    "other-vulnerability": "機器・ソフトウェアの脆弱性を悪用した不正アクセス",
    other: "その他の経路による不正アクセス",
    unknown: "侵入経路は調査中",
  },
  en: {
    "vpn-vulnerability": "unauthorised access through a VPN appliance vulnerability",
    "vpn-credentials": "unauthorised access with stolen VPN credentials",
    rdp: "unauthorised access through remote desktop",
    phishing: "phishing (spoofed e-mail or fake site)",
    "other-vulnerability": "unauthorised access through a device or software vulnerability",
    other: "unauthorised access by another route",
    unknown: "the way in is still being investigated",
  },
};

/** Placeholders: 速報 may say "under investigation"; 確報 and the notice must be completed by the person. */
export const FILL: Record<DraftLang, { investigating: string; required: (what: string) => string }> = {
  ja: { investigating: "調査中（判明次第、確報で報告します）", required: (w) => `【要記入】${w}` },
  en: {
    investigating: "Under investigation (to follow in the final report)",
    required: (w) => `[TO FILL IN] ${w}`,
  },
};

export const CONDITION_TEXT: Record<DraftLang, Record<string, string>> = {
  ja: {
    sensitiveData: "要配慮個人情報を含む（規則7条1号）",
    financialHarm: "不正利用による財産的被害のおそれ（同2号）",
    unauthorisedPurpose: "不正の目的をもって行われたおそれ（同3号）",
    over1000: "本人の数が1,000人を超える（同4号）",
  },
  en: {
    sensitiveData: "sensitive personal data (Rule 7(i))",
    financialHarm: "risk of financial harm through misuse (Rule 7(ii))",
    unauthorisedPurpose: "possibly done for an unauthorised purpose (Rule 7(iii))",
    over1000: "more than 1,000 individuals (Rule 7(iv))",
  },
};
