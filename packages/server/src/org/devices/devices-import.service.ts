import { randomBytes } from "node:crypto";
import {
  AppError,
  DEVICE_IMPORT_MAX_BYTES,
  type TDeviceImportPreview,
  type TDeviceImportPreviewRequest,
  type TDeviceInput,
} from "@sonae/core";
import { type Db, devices } from "@sonae/db";
import { recordAudit } from "../../platform/audit/audit.service";
import { actorOf, type RequestContext } from "../../platform/http/request-context";
import { readCsvTable, readXlsxTable } from "./devices-file-read";
import { validateDeviceRows } from "./devices-import-rows";

const PREVIEW_TTL_MS = 30 * 60_000;

type PendingImport = {
  organisationId: string;
  userId: string;
  fileName: string;
  rows: TDeviceInput[];
  expiresAt: number;
};

// Validated previews waiting for confirmation, by token. In memory on purpose: a token is only good for the
// person who uploaded the file, on this server process, for 30 minutes; after a restart the user re-uploads.
const pending = new Map<string, PendingImport>();

function forgetExpired(now: number) {
  for (const [token, p] of pending) if (p.expiresAt < now) pending.delete(token);
}

/**
 * Step 1 of an import: reads and validates the file and writes nothing. With no errors, the preview carries a
 * token that {@link confirmDeviceImport} accepts; with errors, there is no token and the user fixes the file.
 */
export async function previewDeviceImport(
  ctx: RequestContext,
  request: TDeviceImportPreviewRequest,
): Promise<TDeviceImportPreview> {
  const actor = actorOf(ctx);
  const bytes = Buffer.from(request.contentBase64, "base64");
  if (bytes.length > DEVICE_IMPORT_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  if (bytes.length === 0) {
    throw new AppError("VALIDATION", {
      field: "contentBase64",
      detail: { ja: "ファイルが空です。", en: "The file is empty." },
    });
  }
  const table = request.format === "csv" ? readCsvTable(bytes) : await readXlsxTable(bytes);
  const { rows, errors } = validateDeviceRows(table);
  if (rows.length === 0 && errors.length === 0) {
    throw new AppError("VALIDATION", {
      field: "contentBase64",
      detail: { ja: "取り込む行がありません。", en: "The file has no data rows." },
    });
  }
  const now = Date.now();
  forgetExpired(now);
  let token: string | null = null;
  if (errors.length === 0) {
    token = randomBytes(24).toString("base64url");
    pending.set(token, {
      organisationId: actor.organisationId,
      userId: actor.userId,
      fileName: request.fileName,
      rows: rows.map((r) => r.input),
      expiresAt: now + PREVIEW_TTL_MS,
    });
  }
  return {
    fileName: request.fileName,
    rowCount: rows.length + new Set(errors.map((e) => e.row)).size,
    errors,
    rows: rows.slice(0, 200).map(({ row, input }) => ({
      row,
      name: input.name,
      type: input.type,
      vendor: input.vendor,
      product: input.product,
      version: input.version,
    })),
    token,
    expiresAt: token ? new Date(now + PREVIEW_TTL_MS).toISOString() : null,
  };
}

/** Step 2: writes every previewed row in one transaction with one audit event, or nothing at all. */
export async function confirmDeviceImport(db: Db, ctx: RequestContext, token: string): Promise<number> {
  const actor = actorOf(ctx);
  forgetExpired(Date.now());
  const found = pending.get(token);
  if (!found || found.organisationId !== actor.organisationId || found.userId !== actor.userId) {
    throw new AppError("VALIDATION", {
      field: "token",
      detail: {
        ja: "確認用のトークンが無効か期限切れです。ファイルをもう一度読み込んでください。",
        en: "The preview token is invalid or has expired. Upload the file again.",
      },
    });
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(devices)
      .values(found.rows.map((row) => ({ ...row, organisationId: actor.organisationId })));
    await recordAudit(tx, ctx, {
      type: "devices.imported",
      fileName: found.fileName,
      count: found.rows.length,
    });
  });
  // Only after the commit: a failed write leaves the token usable for a retry, a successful one cannot repeat.
  pending.delete(token);
  return found.rows.length;
}
