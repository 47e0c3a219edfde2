import type { TLang } from "../plan/plan-model";

type CodeTable = Record<string, { ja: string; en: string }>;

/** Terminal roles as the wizard records them (core ZTerminalRole). */
export const TERMINAL_ROLES: CodeTable = {
  pc: { ja: "パソコン", en: "PC" },
  server: { ja: "サーバ", en: "server" },
  "domain-controller": { ja: "ドメインコントローラ", en: "domain controller" },
  "file-server": { ja: "ファイルサーバ", en: "file server" },
  nas: { ja: "NAS（ネットワーク接続ストレージ）", en: "NAS (network storage)" },
  "network-device": { ja: "ネットワーク機器", en: "network device" },
  other: { ja: "その他", en: "other" },
};

/** Device types of the readiness register (core DEVICE_TYPE_CODES; older exports used dashes). */
export const DEVICE_TYPES: CodeTable = {
  vpn: { ja: "VPN装置", en: "VPN appliance" },
  firewall: { ja: "ファイアウォール・UTM", en: "firewall / UTM" },
  router: { ja: "ルータ", en: "router" },
  rdp_gateway: { ja: "リモートデスクトップ・ゲートウェイ", en: "remote desktop gateway" },
  "rdp-gateway": { ja: "リモートデスクトップ・ゲートウェイ", en: "remote desktop gateway" },
  remote_access: { ja: "リモートアクセス製品", en: "remote access product" },
  "remote-access": { ja: "リモートアクセス製品", en: "remote access product" },
  mail: { ja: "メールサーバ", en: "mail server" },
  web: { ja: "Webサーバ", en: "web server" },
  nas: { ja: "NAS（ネットワーク接続ストレージ）", en: "NAS (network storage)" },
  ip_camera: { ja: "ネットワークカメラ", en: "IP camera" },
  "ip-camera": { ja: "ネットワークカメラ", en: "IP camera" },
  server: { ja: "サーバ", en: "server" },
  pc: { ja: "パソコン", en: "PC" },
  tape: { ja: "テープ装置", en: "tape" },
  other: { ja: "その他", en: "other" },
};

/** Indicator kinds (REPORT_INDICATOR_KINDS). */
export const INDICATOR_KINDS: CodeTable = {
  ipv4: { ja: "IPアドレス（v4）", en: "IPv4 address" },
  ipv6: { ja: "IPアドレス（v6）", en: "IPv6 address" },
  domain: { ja: "ドメイン名", en: "domain" },
  url: { ja: "URL", en: "URL" },
  md5: { ja: "ハッシュ値（MD5）", en: "MD5 hash" },
  sha1: { ja: "ハッシュ値（SHA-1）", en: "SHA-1 hash" },
  sha256: { ja: "ハッシュ値（SHA-256）", en: "SHA-256 hash" },
  email: { ja: "メールアドレス", en: "e-mail address" },
  btc: { ja: "ビットコインアドレス", en: "Bitcoin address" },
  xmr: { ja: "Moneroアドレス", en: "Monero address" },
  eth: { ja: "Ethereumアドレス", en: "Ethereum address" },
  onion: { ja: "Torの.onionアドレス", en: "Tor onion address" },
  tox: { ja: "Tox ID（チャット）", en: "Tox id (chat)" },
};

/** Node types of the network diagram (core NETWORK_NODE_TYPES). */
export const DIAGRAM_NODE_TYPES: CodeTable = {
  internet: { ja: "インターネット", en: "Internet" },
  cloud: { ja: "クラウド", en: "cloud" },
  segment: { ja: "セグメント", en: "segment" },
  device: { ja: "機器", en: "device" },
  other: { ja: "その他", en: "other" },
};

/**
 * The label of a code in the document's language. An unknown code (a newer producer) is shown as
 * "other" rather than as the raw code, so no internal identifier reaches the reader.
 */
export function labelCode(table: CodeTable, code: string, lang: TLang): string {
  return (table[code] ?? table.other ?? { ja: "その他", en: "other" })[lang];
}

/** Every code of the tables above with its labels: a rendered document must show the label, not the code. */
export function allCodes(): { code: string; ja: string; en: string }[] {
  const entries = [TERMINAL_ROLES, DEVICE_TYPES, INDICATOR_KINDS, DIAGRAM_NODE_TYPES].flatMap((t) =>
    Object.entries(t).map(([code, label]) => ({ code, ...label })),
  );
  return [...new Map(entries.map((e) => [e.code, e])).values()];
}
