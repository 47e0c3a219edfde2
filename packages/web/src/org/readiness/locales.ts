import { assessmentEn, assessmentJa } from "./assessment/locales";
import { backupsEn, backupsJa } from "./backups/locales";
import { contactsEn, contactsJa } from "./contacts/locales";
import { devicesEn, devicesJa } from "./devices/locales";
import { logsEn, logsJa } from "./logs/locales";
import { networkEn, networkJa } from "./network/locales";

/**
 * Texts of the readiness area, in the i18n namespace "readiness": Japanese first, English with the
 * same keys. Each sub-folder owns its own locales.ts, merged here under its folder name, so
 * `t("devices.title")` reads devices/locales.ts. Use them with useTranslation("readiness").
 */
export const readinessJa = {
  nav: {
    title: "平時の備え",
    contacts: "連絡先",
    devices: "インターネット接続機器",
    backups: "バックアップ",
    logs: "ログ",
    network: "ネットワーク構成",
    assessment: "準備度評価",
  },
  contacts: contactsJa,
  devices: devicesJa,
  backups: backupsJa,
  logs: logsJa,
  network: networkJa,
  assessment: assessmentJa,
} as const;

export const readinessEn: Record<keyof typeof readinessJa, unknown> = {
  nav: {
    title: "Readiness",
    contacts: "Contacts",
    devices: "Internet-facing devices",
    backups: "Backups",
    logs: "Logs",
    network: "Network diagram",
    assessment: "Assessment",
  },
  contacts: contactsEn,
  devices: devicesEn,
  backups: backupsEn,
  logs: logsEn,
  network: networkEn,
  assessment: assessmentEn,
};
