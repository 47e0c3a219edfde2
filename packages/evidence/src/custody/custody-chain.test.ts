import { describe, expect, it } from "vitest";
import { appendCustodyEntry, type CustodyEntry, verifyCustodyChain } from "./custody-chain";

function buildChain(count: number): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push(
      appendCustodyEntry(entries.at(-1) ?? null, {
        at: `2026-11-22T10:0${i}:00.000Z`,
        actor: "examiner-1",
        action: i === 0 ? "preservation.started" : "vault.downloaded",
        details: { n: i },
      }),
    );
  }
  return entries;
}

describe("custody chain", () => {
  it("links each entry to the hash of the previous one", () => {
    const chain = buildChain(4);
    expect(chain[0]?.prevHash).toBeNull();
    expect(chain[2]?.prevHash).toBe(chain[1]?.hash);
    expect(verifyCustodyChain(chain, { expectedHeadHash: chain[3]?.hash })).toEqual([]);
  });

  it("hashes the same content the same way whatever the key order", () => {
    const a = appendCustodyEntry(null, { at: "t", actor: "a", action: "x", details: { b: 1, a: 2 } });
    const b = appendCustodyEntry(null, { at: "t", actor: "a", action: "x", details: { a: 2, b: 1 } });
    expect(a.hash).toBe(b.hash);
  });

  it("detects an edited entry", () => {
    const chain = buildChain(3);
    const edited = chain.map((e, i) => (i === 1 ? { ...e, actor: "someone-else" } : e));
    expect(verifyCustodyChain(edited).map((f) => [f.index, f.code])).toEqual([[1, "BAD_HASH"]]);
  });

  it("detects reordered and removed entries", () => {
    const chain = buildChain(4);
    const [e0, e1, e2, e3] = chain as [CustodyEntry, CustodyEntry, CustodyEntry, CustodyEntry];
    const reordered = verifyCustodyChain([e0, e2, e1, e3]).map((f) => f.code);
    expect(reordered).toContain("BROKEN_LINK");
    expect(reordered).toContain("BAD_SEQUENCE");
    expect(verifyCustodyChain([e0, e1, e3]).map((f) => f.code)).toContain("BROKEN_LINK");
  });

  it("detects a truncated tail only against the expected head", () => {
    const chain = buildChain(3);
    const head = chain[2]?.hash;
    expect(verifyCustodyChain(chain.slice(0, 2))).toEqual([]);
    expect(verifyCustodyChain(chain.slice(0, 2), { expectedHeadHash: head }).map((f) => f.code)).toEqual([
      "HEAD_MISMATCH",
    ]);
  });

  it("continues a chain from a bundle head (server rows)", () => {
    const bundle = buildChain(2);
    const head = bundle[1] as CustodyEntry;
    const server = [appendCustodyEntry(head, { at: "t", actor: "u1", action: "vault.stored", details: {} })];
    expect(server[0]?.seq).toBe(2);
    expect(verifyCustodyChain(server, { firstPrevHash: head.hash })).toEqual([]);
    expect(verifyCustodyChain(server, { firstPrevHash: "0".repeat(64) }).map((f) => f.code)).toEqual([
      "BROKEN_LINK",
    ]);
  });
});
