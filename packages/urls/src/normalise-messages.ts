import type { LocalisedText } from "@sonae/core";
import type { NormaliseErrorCode } from "./url-contracts";

/** What the reporter or officer reads when a URL cannot be taken (Japanese first). */
export const NORMALISE_ERRORS: Record<NormaliseErrorCode, LocalisedText> = {
  empty: { ja: "URLが入力されていません。", en: "No URL was given." },
  too_long: {
    ja: "URLが長すぎます（8 KB まで）。",
    en: "The URL is too long (8 KB at most).",
  },
  unsupported_scheme: {
    ja: "http、https、ftp 以外のURLは受け付けていません。",
    en: "Only http, https and ftp URLs are accepted.",
  },
  no_host: { ja: "URLにホスト名がありません。", en: "The URL has no host name." },
  invalid_host: {
    ja: "ホスト名として読めません（インターネット上のドメイン名かIPアドレスを入力してください）。",
    en: "The host cannot be read as an internet domain name or IP address.",
  },
};
