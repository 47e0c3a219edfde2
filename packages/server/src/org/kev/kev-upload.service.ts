import { AppError, type TKevCatalogStatus, type TKevUploadRequest } from "@sonae/core";
import type { Db } from "@sonae/db";
import {
  decodeCatalogBytes,
  importKevCatalogBytes,
  KevError,
  NVD_FILE_MAX_BYTES,
  parseNvdRangeText,
  storeNvdRanges,
} from "@sonae/kev";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { getKevCatalogStatus } from "./kev.service";
import { kevDirOf, reloadKevCatalog } from "./kev-catalog.cache";

/** Largest catalogue accepted (the real one is 1.6 MB of JSON). */
const CATALOG_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Admin upload for machines without internet: a KEV catalogue (CISA JSON, or .json.gz) or NVD records (an NVD
 * CVE API 2.0 answer saved elsewhere, or a Sonae range file). Validated before anything is stored; stored
 * atomically next to the shipped data; dated (catalogue release / NVD retrieval) and audited.
 */
export async function uploadKevData(
  db: Db,
  ctx: RequestContext,
  dataDir: string,
  request: TKevUploadRequest,
): Promise<TKevCatalogStatus> {
  const bytes = Buffer.from(request.contentBase64, "base64");
  const limit = request.kind === "catalog" ? CATALOG_MAX_BYTES : NVD_FILE_MAX_BYTES;
  if (bytes.length === 0 || bytes.length > limit) throw new AppError("PAYLOAD_TOO_LARGE");
  const label = request.fileName.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 100);
  try {
    if (request.kind === "catalog") {
      const info = importKevCatalogBytes(bytes, label, kevDirOf(dataDir));
      reloadKevCatalog(dataDir);
      await recordAudit(db, ctx, {
        type: "kev.data_uploaded",
        kind: "catalog",
        fileName: label,
        dated: info.dateReleased,
        count: info.count,
      });
    } else {
      const file = parseNvdRangeText(decodeCatalogBytes(bytes), label);
      const info = storeNvdRanges(file, `uploaded:${label}`, kevDirOf(dataDir));
      await recordAudit(db, ctx, {
        type: "kev.data_uploaded",
        kind: "nvd",
        fileName: label,
        dated: info.retrieved,
        count: info.count,
      });
    }
  } catch (error) {
    if (!(error instanceof KevError)) throw error;
    throw new AppError("VALIDATION", { field: "contentBase64", detail: error.userMessage, cause: error });
  }
  return getKevCatalogStatus(dataDir);
}
