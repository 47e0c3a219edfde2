import { z } from "zod";
import type { TIdentifyInput } from "../result-schema";
import { MAX_NOTE_BYTES } from "../text/decode-note";

/**
 * JSON body for `POST /api/ransomware/identify` (the server owns the route). A pasted note comes
 * as text; a dropped note file as base64 so that UTF-16 and odd encodings survive transport.
 * Limits mirror the engine's caps so oversized bodies fail validation instead of being trimmed silently.
 */
export const ZIdentifyRequestBody = z
  .object({
    noteText: z.string().max(MAX_NOTE_BYTES).optional(),
    noteBase64: z
      .string()
      .max(Math.ceil((MAX_NOTE_BYTES * 4) / 3) + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/)
      .optional(),
    noteFileName: z.string().max(1024).optional(),
    fileNames: z.array(z.string().max(1024)).max(10_000).optional(),
    extension: z.string().max(256).optional(),
    artefacts: z.array(z.string().max(4096)).max(1000).optional(),
    /** When given, the server records the result on this incident (lead's route). */
    incidentId: z.string().max(100).optional(),
  })
  .refine((b) => !(b.noteText !== undefined && b.noteBase64 !== undefined), {
    message: "Give noteText or noteBase64, not both",
  });
export type TIdentifyRequestBody = z.infer<typeof ZIdentifyRequestBody>;

/** Turns a validated request body into engine input (base64 decoded to bytes). */
export function toIdentifyInput(body: TIdentifyRequestBody): TIdentifyInput {
  const noteText =
    body.noteBase64 !== undefined ? new Uint8Array(Buffer.from(body.noteBase64, "base64")) : body.noteText;
  return {
    ...(noteText !== undefined ? { noteText } : {}),
    ...(body.noteFileName !== undefined ? { noteFileName: body.noteFileName } : {}),
    ...(body.fileNames !== undefined ? { fileNames: body.fileNames } : {}),
    ...(body.extension !== undefined ? { extension: body.extension } : {}),
    ...(body.artefacts !== undefined ? { artefacts: body.artefacts } : {}),
  };
}
