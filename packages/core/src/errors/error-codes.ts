/**
 * The one table of error codes: HTTP status, CLI exit code and the message a user sees,
 * Japanese first. Every error the product reports to a person goes through this table.
 */
export const ERROR_CODES = {
  VALIDATION: { status: 400, exit: 2, ja: "入力内容に誤りがあります。", en: "The input is not valid." },
  UNAUTHENTICATED: { status: 401, exit: 3, ja: "ログインしてください。", en: "Please sign in." },
  INVALID_CREDENTIALS: {
    status: 401,
    exit: 3,
    ja: "メールアドレスまたはパスワードが違います。",
    en: "The e-mail address or password is incorrect.",
  },
  CSRF: {
    status: 403,
    exit: 3,
    ja: "画面の有効期限が切れました。再読み込みしてください。",
    en: "This page has expired. Please reload it.",
  },
  FORBIDDEN: {
    status: 403,
    exit: 3,
    ja: "この操作の権限がありません。",
    en: "You are not allowed to do this.",
  },
  NOT_FOUND: { status: 404, exit: 4, ja: "見つかりません。", en: "Not found." },
  CONFLICT: { status: 409, exit: 5, ja: "既に登録されています。", en: "This already exists." },
  SETUP_DONE: {
    status: 409,
    exit: 5,
    ja: "初期設定は完了しています。",
    en: "First-run setup has already been completed.",
  },
  PAYLOAD_TOO_LARGE: { status: 413, exit: 2, ja: "データが大きすぎます。", en: "The data is too large." },
  RATE_LIMITED: {
    status: 429,
    exit: 6,
    ja: "試行回数が多すぎます。しばらく待ってから再度お試しください。",
    en: "Too many attempts. Please wait and try again.",
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    exit: 7,
    ja: "データベースに接続できません。管理者に連絡してください。",
    en: "The database cannot be reached. Please contact your administrator.",
  },
  DATA_DIR_LOCKED: {
    status: 503,
    exit: 7,
    ja: "データフォルダは別のプロセスが使用中です。",
    en: "The data folder is in use by another process.",
  },
  EVIDENCE_REJECTED: {
    status: 422,
    exit: 1,
    ja: "証拠バンドルを受け付けられません。何も保管していません。",
    en: "The evidence bundle was rejected. Nothing was stored.",
  },
  EVIDENCE_INTEGRITY: {
    status: 500,
    exit: 1,
    ja: "保管中の証拠バンドルがハッシュと一致しません（改ざん・破損の疑い）。",
    en: "A stored evidence bundle does not match its hash (tampered or damaged).",
  },
  STORAGE_FULL: {
    status: 507,
    exit: 7,
    ja: "保存先のディスクが一杯です。何も保管していません。",
    en: "The storage disk is full. Nothing was stored.",
  },
  UPSTREAM_UNAVAILABLE: {
    status: 502,
    exit: 8,
    ja: "外部のサービスに接続できません。ネットワークを確認するか、ファイルから取り込んでください。",
    en: "An outside service cannot be reached. Check the network or import from a file.",
  },
  INTERNAL: {
    status: 500,
    exit: 1,
    ja: "内部エラーが発生しました。",
    en: "An internal error occurred.",
  },
} as const satisfies Record<string, { status: number; exit: number; ja: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type Lang = "ja" | "en";
