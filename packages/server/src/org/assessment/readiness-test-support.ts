import type { TCreateBackupSetRequest, TCreateLogSourceRequest } from "@sonae/core";

/** Kept under its old name for the tests of this area. */
export { signInNewUser as signInUser } from "../../testing/test-app";

/** The NAS copy most victims relied on: online, never restore-tested. */
export const ONLINE_NAS: TCreateBackupSetRequest = {
  name: "ファイルサーバ日次",
  protects: "共有フォルダ（見積・図面）",
  media: "nas",
  location: "本社サーバ室",
  connectivity: "online",
  generations: 7,
  frequency: "毎日 22:00",
  lastSuccessAt: "2026-11-20",
  lastRestoreTestAt: null,
  lastRestoreTestResult: null,
  notes: null,
};

/** An SSL-VPN whose log lives only in the appliance's memory, kept 7 days. */
export const VPN_MEMORY_LOG: TCreateLogSourceRequest = {
  name: "SSL-VPN イベントログ",
  kind: "vpn",
  deviceId: null,
  retentionDays: 7,
  storage: "device_memory",
  protectedFromDeletion: false,
  clockSynchronised: true,
  notes: null,
};
