/**
 * Texts of the public report form and its status page (namespace "publicReport"):
 * Japanese first, English with the same keys.
 */
export const publicReportJa = {
  publicTitle: "サイバー犯罪の通報・相談・情報提供",
  publicIntro: "個人・小規模事業者の方向けの窓口です。登録は不要です。緊急の場合は110番、相談は#9110へ。",
  formKind: "種別",
  name: "お名前(任意)",
  contact: "連絡先(任意)",
  titleLabel: "件名",
  description: "内容(いつ・何が起きたか)",
  occurredAt: "発生日時(分かれば)",
  submit: "送信する",
  solving: "送信準備中(自動計算)…",
  receiptTitle: "受け付けました",
  receiptRef: "受付番号",
  receiptLink:
    "この画面のURLを保存してください。状況確認と追加の連絡に使います(他の人に教えないでください)。",
  statusLink: "状況確認ページを開く",
  addFile: "ファイルを追加(10MBまで)",
  upload: "追加",
  uploaded: "追加しました",
} as const;

export const publicReportEn: Record<keyof typeof publicReportJa, unknown> = {
  publicTitle: "Report, consult or give information about cybercrime",
  publicIntro:
    "For individuals and small businesses; no account needed. In an emergency call 110; for consultation #9110.",
  formKind: "Type",
  name: "Name (optional)",
  contact: "Contact (optional)",
  titleLabel: "Subject",
  description: "What happened, and when",
  occurredAt: "When it happened (if known)",
  submit: "Send",
  solving: "Preparing to send (automatic check)…",
  receiptTitle: "Received",
  receiptRef: "Reference number",
  receiptLink:
    "Keep this page's address: it shows the status and lets you add information (do not share it).",
  statusLink: "Open the status page",
  addFile: "Add a file (up to 10 MB)",
  upload: "Add",
  uploaded: "Added",
};
