import { describe, expect, it } from "vitest";
import { canonicalJson, createUuidV5 } from "./stix-ids";

describe("stix ids", () => {
  it("computes RFC 4122 UUIDv5 (python uuid5(NAMESPACE_DNS, 'python.org'))", () => {
    expect(createUuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "886313e1-3b8a-5372-9b90-0c9aee199e5d",
    );
  });

  it("canonicalises keys in code-point order (RFC 8785)", () => {
    expect(canonicalJson({ name: "a", hashes: { "SHA-256": "x", MD5: "y" } })).toBe(
      '{"hashes":{"MD5":"y","SHA-256":"x"},"name":"a"}',
    );
  });
});
