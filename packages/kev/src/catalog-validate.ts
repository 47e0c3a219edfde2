import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsImport from "ajv-formats";
import { KEV_CONTENT_DIR } from "./alias-table";
import { KevError } from "./kev-error";
import type { KevCatalogFile } from "./kev-types";

// ajv-formats is CommonJS with `module.exports = formatsPlugin` and `exports.default`; take whichever is callable.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsImport as unknown as { default?: AddFormats }).default ??
  addFormatsImport) as unknown as AddFormats;

let validator: ValidateFunction | undefined;

/** Validator for the official CISA schema shipped in `content/kev/` (JSON Schema draft-07, date/date-time formats). */
function getValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(
    readFileSync(path.join(KEV_CONTENT_DIR, "known_exploited_vulnerabilities_schema.json"), "utf8"),
  ) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validator = ajv.compile(schema);
  return validator;
}

/** Bytes of a catalogue file: plain JSON or gzip (magic 1f 8b), UTF-8 with or without BOM. */
export function decodeCatalogBytes(bytes: Buffer): string {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return raw.toString("utf8").replace(/^\uFEFF/, "");
}

/**
 * Parses and validates a catalogue against the official schema. Throws KevError(INVALID_CATALOG) with the
 * first schema errors; nothing is stored by the caller in that case.
 */
export function parseKevCatalog(text: string, label: string): KevCatalogFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new KevError(
      "INVALID_CATALOG",
      { ja: `${label} は JSON として読めません。`, en: `${label} is not valid JSON.` },
      { cause },
    );
  }
  const validate = getValidator();
  if (!validate(data)) {
    const details = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim())
      .join("; ");
    throw new KevError("INVALID_CATALOG", {
      ja: `${label} は KEV カタログのスキーマに合いません: ${details}`,
      en: `${label} does not match the KEV catalogue schema: ${details}`,
    });
  }
  return data as KevCatalogFile;
}
