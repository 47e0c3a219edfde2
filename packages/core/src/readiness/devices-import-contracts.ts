import { z } from "zod";

/** Largest register file accepted for import (bytes, before base64). */
export const DEVICE_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const ZDeviceFileFormat = z.enum(["csv", "xlsx"]);

/** Step 1 of an import: the file, base64-encoded. Nothing is written. */
export const ZDeviceImportPreviewRequest = z.object({
  fileName: z.string().trim().min(1).max(255),
  format: ZDeviceFileFormat,
  contentBase64: z
    .string()
    .max(Math.ceil((DEVICE_IMPORT_MAX_BYTES * 4) / 3) + 8)
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, "base64"),
});
export type TDeviceImportPreviewRequest = z.infer<typeof ZDeviceImportPreviewRequest>;

/** A problem in one cell (or the whole row when column is null). Row numbers count the header as row 1. */
export const ZImportRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.object({ ja: z.string(), en: z.string() }),
});
export type TImportRowError = z.infer<typeof ZImportRowError>;

export const ZDeviceImportPreview = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  errors: z.array(ZImportRowError),
  /** The rows as they would be written (first 200), so the user sees what confirming does. */
  rows: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      type: z.string(),
      vendor: z.string(),
      product: z.string(),
      version: z.string().nullable(),
    }),
  ),
  /** Present only when the file has no errors: confirming with it writes every row in one transaction. */
  token: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type TDeviceImportPreview = z.infer<typeof ZDeviceImportPreview>;

export const ZDeviceImportConfirmRequest = z.object({ token: z.string().min(10).max(100) });
export const ZDeviceImportResult = z.object({ imported: z.number().int() });
export type TDeviceImportResult = z.infer<typeof ZDeviceImportResult>;

export const ZDeviceExportQuery = z.object({ format: ZDeviceFileFormat.default("csv") });
