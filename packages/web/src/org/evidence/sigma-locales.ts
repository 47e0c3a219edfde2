/**
 * Texts about Sigma rules in triage results (namespace "triageSigma"): Japanese first, English
 * with the same keys. The Detection Rule License 1.1 requires the rule author on every hit.
 */
export const triageSigmaJa = {
  author: "ルール作成者",
  rule: "ルール",
  licence: "ライセンス",
  ruleSet: "ルールセット",
  experimental: "試験的ルール",
  experimentalHint:
    "SigmaHQ で status: experimental のルールです。誤検知があり得るため根拠イベントを確認してください。",
  ruleSetUsed: "Sigma ルール: {{name}}（{{date}}）から {{count}} 件を実行",
  ruleSetUndated: "日付なし",
  skipped: "実行しなかったルール: {{reasons}}",
  skippedLevel: "レベル {{detail}}（既定で low 未満は実行しません）",
  skippedStatus: "状態 {{detail}}",
  skippedLogsource: "対象外のログ種別 {{detail}}",
  skippedEvaluator: "評価できない構文 {{detail}}",
  notRun: "この実行では Sigma ルールを使っていません",
};

export const triageSigmaEn: Record<keyof typeof triageSigmaJa, string> = {
  author: "Rule author",
  rule: "Rule",
  licence: "Licence",
  ruleSet: "Rule set",
  experimental: "Experimental rule",
  experimentalHint:
    "SigmaHQ marks this rule status: experimental. False positives are possible: check the evidence events.",
  ruleSetUsed: "Sigma rules: ran {{count}} rules from {{name}} ({{date}})",
  ruleSetUndated: "undated",
  skipped: "Rules not run: {{reasons}}",
  skippedLevel: "level {{detail}} (below low is not run by default)",
  skippedStatus: "status {{detail}}",
  skippedLogsource: "log source not evaluated {{detail}}",
  skippedEvaluator: "syntax the evaluator cannot handle {{detail}}",
  notRun: "No Sigma rules were used in this run",
};
