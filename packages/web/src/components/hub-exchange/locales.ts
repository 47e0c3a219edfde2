/**
 * Texts both sides of a report show — the police workbench, the organisation's "report to
 * the police" pages and the public form (namespace "hubExchange"): status, kinds, messages.
 */
export const hubExchangeJa = {
  kind: { report: "通報", consultation: "相談", information: "情報提供" },
  status: { new: "未受理", acknowledged: "受理", in_progress: "対応中", closed: "終了" },
  noMessages: "メッセージはありません。",
  from: { police: "警察", reporter: "報告者" },
  messageKind: {
    question: "質問",
    advice: "初動助言",
    decryptor: "復号ツール情報",
    status: "状況",
    message: "メッセージ",
  },
  send: "送信",
  noPublication: "警察が公表を求めることはありません。報告内容は非公開で扱われます。",
  prefecture: "報告先の都道府県警察",
  reply: "返信",
  statusLabel: "状況",
  advisory: {
    audience: "対象",
    nationwide: "全国",
    issuedBy: "発出",
    source: "参考",
    withdrawn: "取り下げ済み",
    sev: { info: "情報", warning: "注意", critical: "緊急" },
  },
} as const;

export const hubExchangeEn: Record<keyof typeof hubExchangeJa, unknown> = {
  kind: { report: "Report", consultation: "Consultation", information: "Information" },
  status: { new: "New", acknowledged: "Acknowledged", in_progress: "In progress", closed: "Closed" },
  noMessages: "No messages.",
  from: { police: "Police", reporter: "Reporter" },
  messageKind: {
    question: "Question",
    advice: "First-response advice",
    decryptor: "Decryptor information",
    status: "Status",
    message: "Message",
  },
  send: "Send",
  noPublication:
    "The police never require you to make the incident public. Your report is kept confidential.",
  prefecture: "Prefectural police to report to",
  reply: "Reply",
  statusLabel: "Status",
  advisory: {
    audience: "Audience",
    nationwide: "Nationwide",
    issuedBy: "Issued by",
    source: "Reference",
    withdrawn: "Withdrawn",
    sev: { info: "Information", warning: "Warning", critical: "Urgent" },
  },
};
