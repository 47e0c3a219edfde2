import { createHash } from "node:crypto";

/** STIX 2.1 §2.9: the namespace for deterministic SCO identifiers (UUIDv5). */
export const STIX_SCO_NAMESPACE = "00abedb4-aa42-466c-9c01-fed23315a9b7";
/** Sonae's own UUIDv5 namespace for SDO/SRO and extension-definition identifiers (random, fixed once). */
export const SONAE_NAMESPACE = "6f1c1b54-3d0e-4b7a-9a51-5f0f7c1e2d3a";

/** RFC 4122 §4.3 name-based UUID, version 5 (SHA-1). */
export function createUuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (ns.length !== 16) throw new Error(`invalid namespace UUID: ${namespace}`);
  const bytes = createHash("sha1").update(ns).update(Buffer.from(name, "utf8")).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** RFC 8785 (JCS) canonical JSON for the plain objects of strings used as ID-contributing properties. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * SCO id per STIX 2.1 §2.9: `type--UUIDv5(SCO namespace, JCS of the ID-contributing properties)`,
 * so the same observable gets the same id in every export and at every receiver.
 */
export function createScoId(type: string, contributing: Record<string, unknown>): string {
  return `${type}--${createUuidV5(canonicalJson(contributing), STIX_SCO_NAMESPACE)}`;
}

/**
 * SDO/SRO id. STIX recommends UUIDv4, but a re-export of the same incident must update the same
 * objects at the receiver (new `modified`) rather than duplicate them, so ids are derived (UUIDv5)
 * from the organisation's incident reference and the object's role.
 */
export function createSdoId(type: string, ...parts: string[]): string {
  return `${type}--${createUuidV5(`${type}|${parts.join("|")}`, SONAE_NAMESPACE)}`;
}
