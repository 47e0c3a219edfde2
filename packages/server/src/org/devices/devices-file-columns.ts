import type { TDevice, TDeviceInput, TDeviceType, TLogLocation } from "@sonae/core";

/** One cell as read from a CSV (always text) or an XLSX sheet (typed). */
export type RawCell = string | number | boolean | Date | null;
type Localised = { ja: string; en: string };
type Parsed = { value: unknown } | { error: Localised };

const TYPE_LABELS: Record<TDeviceType, Localised> = {
  vpn: { ja: "VPN", en: "VPN" },
  firewall: { ja: "ファイアウォール", en: "Firewall" },
  router: { ja: "ルーター", en: "Router" },
  rdp_gateway: { ja: "リモートデスクトップゲートウェイ", en: "Remote-desktop gateway" },
  remote_access: { ja: "リモートアクセスツール", en: "Remote-access tool" },
  mail: { ja: "メール", en: "Mail" },
  web: { ja: "Web", en: "Web" },
  nas: { ja: "NAS", en: "NAS" },
  ip_camera: { ja: "IPカメラ", en: "IP camera" },
  other: { ja: "その他", en: "Other" },
};

const LOG_LABELS: Record<TLogLocation, Localised> = {
  memory: { ja: "機器のメモリのみ", en: "On-device memory only" },
  disk: { ja: "機器のディスク", en: "On-device disk" },
  forwarded: { ja: "転送（syslog等）", en: "Forwarded" },
};

/** Case, width (全角/半角), spaces, hyphens and underscores do not matter when reading labels and headers. */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-‐ー・/]/g, "");
}

function lookupCode<T extends string>(labels: Record<T, Localised>, extra: Record<string, T> = {}) {
  const byLabel = new Map<string, T>();
  for (const [code, l] of Object.entries(labels) as [T, Localised][]) {
    for (const name of [code, l.ja, l.en]) byLabel.set(normaliseLabel(name), code);
  }
  for (const [name, code] of Object.entries(extra)) byLabel.set(normaliseLabel(name), code);
  return (text: string) => byLabel.get(normaliseLabel(text));
}

const findType = lookupCode(TYPE_LABELS, {
  ファイアウォール装置: "firewall",
  ルータ: "router",
  rdp: "rdp_gateway",
});
const findLog = lookupCode(LOG_LABELS, {
  メモリ: "memory",
  memory: "memory",
  ディスク: "disk",
  転送: "forwarded",
});
const YES = new Set(
  ["あり", "有", "有効", "はい", "yes", "y", "true", "on", "1", "○", "◯"].map(normaliseLabel),
);
const NO = new Set(
  ["なし", "無", "無効", "いいえ", "no", "n", "false", "off", "0", "×", "✕"].map(normaliseLabel),
);

function text(raw: RawCell): string {
  if (raw === null) return "";
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return String(raw).trim();
}

function parseDate(raw: RawCell): Parsed {
  if (raw instanceof Date) return { value: raw.toISOString().slice(0, 10) };
  const t = text(raw).normalize("NFKC");
  if (!t) return { value: null };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : "";
  if (
    !iso ||
    Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
    new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
  ) {
    return {
      error: { ja: `日付として読めません（例: 2026-04-01）: ${t}`, en: `Not a date (e.g. 2026-04-01): ${t}` },
    };
  }
  return { value: iso };
}

function parseCode(
  find: (t: string) => string | undefined,
  labels: Record<string, Localised>,
  required: boolean,
) {
  return (raw: RawCell): Parsed => {
    const t = text(raw);
    if (!t) return { value: required ? undefined : null };
    const code = find(t);
    if (code) return { value: code };
    const list = Object.values(labels);
    return {
      error: {
        ja: `「${t}」は使えません。次のいずれか: ${list.map((l) => l.ja).join("、")}`,
        en: `"${t}" is not allowed. Use one of: ${list.map((l) => l.en).join(", ")}`,
      },
    };
  };
}

function parseBoolean(raw: RawCell): Parsed {
  if (typeof raw === "boolean") return { value: raw };
  const t = normaliseLabel(text(raw));
  if (!t) return { value: null };
  if (YES.has(t)) return { value: true };
  if (NO.has(t)) return { value: false };
  return {
    error: {
      ja: `「あり」か「なし」で入力してください: ${text(raw)}`,
      en: `Use "yes" or "no": ${text(raw)}`,
    },
  };
}

const plain = (raw: RawCell): Parsed => ({ value: text(raw) || null });
const required = (raw: RawCell): Parsed => ({ value: text(raw) || undefined });

export type DeviceColumn = {
  key: keyof TDeviceInput;
  ja: string;
  en: string;
  aliases: string[];
  parse: (raw: RawCell) => Parsed;
  format: (device: TDevice) => string;
};

const s = (v: string | null) => v ?? "";

/** The register's columns in file order: Japanese headers on export; Japanese or English accepted on import. */
export const DEVICE_COLUMNS: DeviceColumn[] = [
  {
    key: "name",
    ja: "名称",
    en: "Name",
    aliases: ["device", "機器名"],
    parse: required,
    format: (d) => d.name,
  },
  {
    key: "type",
    ja: "種別",
    en: "Type",
    aliases: ["kind"],
    parse: parseCode(findType, TYPE_LABELS, true),
    format: (d) => TYPE_LABELS[d.type].ja,
  },
  {
    key: "vendor",
    ja: "ベンダー",
    en: "Vendor",
    aliases: ["メーカー"],
    parse: required,
    format: (d) => d.vendor,
  },
  {
    key: "product",
    ja: "製品",
    en: "Product",
    aliases: ["製品名", "model"],
    parse: required,
    format: (d) => d.product,
  },
  {
    key: "version",
    ja: "バージョン",
    en: "Version",
    aliases: ["firmware", "ファームウェア"],
    parse: plain,
    format: (d) => s(d.version),
  },
  { key: "usage", ja: "用途", en: "Usage", aliases: ["purpose"], parse: plain, format: (d) => s(d.usage) },
  {
    key: "location",
    ja: "設置場所",
    en: "Location",
    aliases: [],
    parse: plain,
    format: (d) => s(d.location),
  },
  { key: "owner", ja: "管理者", en: "Owner", aliases: ["担当者"], parse: plain, format: (d) => s(d.owner) },
  {
    key: "publicAddress",
    ja: "公開アドレス",
    en: "Public address",
    aliases: ["hostname", "ip address", "公開アドレス・ホスト名"],
    parse: plain,
    format: (d) => s(d.publicAddress),
  },
  {
    key: "mfaEnabled",
    ja: "多要素認証",
    en: "MFA",
    aliases: ["mfa", "多要素認証(mfa)"],
    parse: parseBoolean,
    format: (d) => (d.mfaEnabled === null ? "" : d.mfaEnabled ? "あり" : "なし"),
  },
  {
    key: "lastPatchedAt",
    ja: "最終パッチ適用日",
    en: "Last patched",
    aliases: [],
    parse: parseDate,
    format: (d) => s(d.lastPatchedAt),
  },
  {
    key: "pendingUpdates",
    ja: "未適用の更新",
    en: "Pending updates",
    aliases: [],
    parse: plain,
    format: (d) => s(d.pendingUpdates),
  },
  {
    key: "endOfSupport",
    ja: "サポート終了日",
    en: "End of support",
    aliases: ["eos", "eol"],
    parse: parseDate,
    format: (d) => s(d.endOfSupport),
  },
  {
    key: "logLocation",
    ja: "ログの保存先",
    en: "Log location",
    aliases: ["logs"],
    parse: parseCode(findLog, LOG_LABELS, false),
    format: (d) => (d.logLocation ? LOG_LABELS[d.logLocation].ja : ""),
  },
  { key: "notes", ja: "備考", en: "Notes", aliases: ["メモ"], parse: plain, format: (d) => s(d.notes) },
];

/** Header text → column, for every accepted spelling (normalised). */
export const COLUMN_BY_HEADER = new Map<string, DeviceColumn>(
  DEVICE_COLUMNS.flatMap((c) =>
    [c.ja, c.en, c.key, ...c.aliases].map((h) => [normaliseLabel(h), c] as const),
  ),
);

export const REQUIRED_KEYS: ReadonlySet<keyof TDeviceInput> = new Set(["name", "type", "vendor", "product"]);
