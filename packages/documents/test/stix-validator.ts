import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { SHARED_DATA } from "./plan-fixture";

const SCHEMA_DIR = path.join(SHARED_DATA, "stix21/schemas");
const BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas";

let ajv: Ajv2020 | undefined;

/**
 * Ajv 2020-12 with every OASIS STIX 2.1 schema registered so that relative $refs resolve.
 * `unicodeRegExp: false` because some OASIS patterns contain `\-`, invalid under the `u` flag (SOURCE.md).
 */
function loadAjv(): Ajv2020 {
  if (ajv) return ajv;
  const instance = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats.default(instance);
  // ajv-formats lacks idn-hostname (SOURCE.md): accept it unchecked rather than warn on every load.
  instance.addFormat("idn-hostname", true);
  for (const dir of readdirSync(SCHEMA_DIR)) {
    for (const file of readdirSync(path.join(SCHEMA_DIR, dir))) {
      if (file.endsWith(".json"))
        instance.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, dir, file), "utf8")));
    }
  }
  instance.addSchema(buildPatchedBundleSchema(instance));
  ajv = instance;
  return instance;
}

/** $id of the patched bundle schema; relative $refs resolve like the original's. */
export const PATCHED_BUNDLE_ID = `${BASE}/common/bundle-sonae-patched.json`;

/**
 * The OASIS bundle.json cannot accept an `incident` or `extension-definition` object: neither is in
 * its list of known types, and its custom-object branch is `oneOf(core, cyber-observable-core)`, which an
 * SDO-shaped object satisfies twice, so `oneOf` fails. STIX 2.1 §8 allows any STIX object in a bundle.
 * The same fix was needed elsewhere (vertexproject/synapse#4422): add both types to the known list.
 * Each object is still validated against its own OASIS schema, unpatched.
 */
function buildPatchedBundleSchema(instance: Ajv2020): Record<string, unknown> {
  const original = instance.getSchema(`${BASE}/common/bundle.json`)?.schema;
  const copy = structuredClone(original) as {
    $id: string;
    properties: { objects: { items: { anyOf: [{ oneOf: unknown[] }, { allOf: [unknown, CustomBranch] }] } } };
  };
  type CustomBranch = { properties: { type: { not: { enum: string[] } } } };
  copy.$id = PATCHED_BUNDLE_ID;
  const [known, custom] = copy.properties.objects.items.anyOf;
  known.oneOf.push({ $ref: "../sdos/incident.json" }, { $ref: "../common/extension-definition.json" });
  custom.allOf[1].properties.type.not.enum.push("incident", "extension-definition");
  return copy;
}

/** Validates against the unpatched OASIS bundle.json (used to show the defect the patch works around). */
export function validateWithOfficialBundleSchema(bundle: unknown): boolean {
  return Boolean(schemaFor("bundle")(bundle));
}

function schemaFor(type: string): ValidateFunction {
  const a = loadAjv();
  for (const dir of ["sdos", "sros", "observables", "common"]) {
    const fn = a.getSchema(`${BASE}/${dir}/${type}.json`);
    if (fn) return fn;
  }
  // A custom object declared through an extension-definition: SCO core rules apply.
  const core = a.getSchema(`${BASE}/common/cyber-observable-core.json`);
  if (!core) throw new Error("cyber-observable-core schema missing");
  return core;
}

/**
 * Validates a STIX 2.1 bundle against the OASIS schemas: the bundle schema, then each object against
 * its own type schema (the bundle schema lets unknown types through its custom-object branch, and the
 * incident stub is not in its list), then the extension rule the schemas cannot express: every
 * extension-definition referenced must be in the bundle with a matching extension type.
 */
export function validateStixBundle(bundle: unknown): string[] {
  const errors: string[] = [];
  const bundleFn = loadAjv().getSchema(PATCHED_BUNDLE_ID);
  if (!bundleFn) throw new Error("patched bundle schema missing");
  if (!bundleFn(bundle))
    errors.push(...(bundleFn.errors ?? []).map((e) => `bundle${e.instancePath} ${e.message}`));
  const objects = (bundle as { objects?: Record<string, unknown>[] }).objects ?? [];
  const definitions = new Map(
    objects
      .filter((o) => o.type === "extension-definition")
      .map((o) => [o.id, o.extension_types as string[]]),
  );
  for (const object of objects) {
    const fn = schemaFor(String(object.type));
    const isValid: boolean = fn(object);
    if (!isValid) errors.push(...(fn.errors ?? []).map((e) => `${object.id}${e.instancePath} ${e.message}`));
    const extensions = (object.extensions ?? {}) as Record<string, { extension_type?: string }>;
    for (const [key, ext] of Object.entries(extensions)) {
      if (!key.startsWith("extension-definition--")) continue;
      const types = definitions.get(key);
      if (!types) errors.push(`${object.id} uses ${key}, which is not in the bundle`);
      else if (!ext.extension_type || !types.includes(ext.extension_type)) {
        errors.push(`${object.id} uses ${key} as ${ext.extension_type}, declared ${types.join(",")}`);
      }
    }
  }
  return errors;
}
