import { AppError, type TKevCatalogStatus } from "@sonae/core";
import type { Db } from "@sonae/db";
import {
  fetchKevCatalog,
  KEV_OFFICIAL_URL,
  KevError,
  listKevCatalogs,
  listNvdRanges,
  NVD_NOTICE,
} from "@sonae/kev";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import {
  getKevCatalog,
  getKevRanges,
  kevDirOf,
  reloadKevCatalog,
  summariseKevCatalog,
} from "./kev-catalog.cache";

/** The feed URL; SONAE_KEV_URL points it at a mirror (or, in tests, at an unreachable address). */
export function kevFeedUrl(): string {
  return process.env.SONAE_KEV_URL || KEV_OFFICIAL_URL;
}

/** The catalogue in use and all catalogues available in the data folder. */
export function getKevCatalogStatus(dataDir: string): TKevCatalogStatus {
  return {
    current: summariseKevCatalog(getKevCatalog(dataDir), getKevRanges(dataDir)),
    available: listKevCatalogs(kevDirOf(dataDir)).map((c) => ({
      catalogVersion: c.catalogVersion,
      dateReleased: c.dateReleased,
      count: c.count,
      source: c.source,
      ...(c.problem ? { problem: c.problem } : {}),
    })),
    nvd: listNvdRanges(kevDirOf(dataDir)).map((r) => ({
      origin: r.origin,
      retrieved: r.retrieved,
      count: r.count,
      ...(r.problem ? { problem: r.problem } : {}),
    })),
    officialUrl: KEV_OFFICIAL_URL,
    nvdNotice: NVD_NOTICE,
  };
}

/**
 * Admin action: downloads the current CISA catalogue into the data folder and reloads the cache. Success and
 * failure are both audited. Offline (or any download/validation failure) → 502-style AppError with the reason,
 * and nothing stored: the catalogue in use stays as it was.
 */
export async function fetchCurrentKevCatalog(
  db: Db,
  ctx: RequestContext,
  dataDir: string,
  options: { timeoutMs?: number } = {},
): Promise<TKevCatalogStatus> {
  try {
    const info = await fetchKevCatalog(kevFeedUrl(), kevDirOf(dataDir), {
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    reloadKevCatalog(dataDir);
    await recordAudit(db, ctx, {
      type: "kev.catalog_fetched",
      catalogVersion: info.catalogVersion,
      dateReleased: info.dateReleased,
      count: info.count,
    });
    return getKevCatalogStatus(dataDir);
  } catch (error) {
    if (!(error instanceof KevError)) throw error;
    await recordAudit(db, ctx, {
      type: "kev.catalog_fetch_failed",
      reason: error.userMessage.en.slice(0, 500),
    });
    throw new KevFetchError(error);
  }
}

/** A failed download, answered as 502 Bad Gateway with the KEV package's bilingual reason. */
export class KevFetchError extends AppError {
  constructor(readonly kevError: KevError) {
    super("UPSTREAM_UNAVAILABLE", {
      detail: {
        ja: `${kevError.userMessage.ja} オフラインの場合は、別の端末で取得したファイルを「sonae kev import <ファイル>」で読み込めます。`,
        en: `${kevError.userMessage.en} When offline, load a file downloaded elsewhere with "sonae kev import <file>".`,
      },
      cause: kevError,
    });
  }
}
