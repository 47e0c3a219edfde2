import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildKnowledgeBase } from "../scripts/build-kb";
import { KB_DIR, KB_FILE_NAME, loadKnowledgeBase, serialiseKnowledgeBase } from "../src/kb/load-kb";
import { SHARED_RANSOMWARE_DIR } from "./paths";

const kb = loadKnowledgeBase();
const family = (id: string) => {
  const f = kb.families.find((x) => x.id === id);
  if (!f) throw new Error(`family ${id} missing`);
  return f;
};

describe("shipped knowledge base", () => {
  it("is exactly what the build produces from the shared data (deterministic, committed)", () => {
    const built = buildKnowledgeBase(SHARED_RANSOMWARE_DIR);
    expect(serialiseKnowledgeBase(built.kb)).toBe(readFileSync(path.join(KB_DIR, KB_FILE_NAME), "utf8"));
    expect(built.attribution).toBe(readFileSync(path.join(KB_DIR, "ATTRIBUTION.md"), "utf8"));
  });

  it("contains every ThreatLabz note and the MISP families", () => {
    const notes = kb.families.flatMap((f) => f.notes);
    expect(notes.filter((n) => n.source === "threatlabz").length).toBe(270);
    expect(kb.families.length).toBeGreaterThan(1500);
  });

  it("normalises family names with their synonyms", () => {
    expect(family("alphv").synonyms).toContain("BlackCat");
    expect(family("revil").synonyms).toContain("Sodinokibi");
    expect(family("lockbit").synonyms).toEqual(expect.arrayContaining(["Lockbit3", "lockbit5"]));
    expect(family("lockbit").extensions).toContain(".lockbit");
  });

  it("carries the police decryptors with the report citation, and dated No More Ransom entries", () => {
    for (const id of ["lockbit", "phobos", "8base"]) {
      const f = family(id);
      expect(f.policeTool?.citation).toContain("令和7年におけるサイバー空間をめぐる脅威の情勢等について");
      expect(f.decryptors.some((d) => d.source === "npa-report")).toBe(true);
    }
    const maze = family("maze").decryptors.find((d) => d.source === "nomoreransom");
    expect(maze?.knownAsOf).toBe("2023-02-13");
    expect(kb.sources.find((s) => s.id === "nomoreransom")?.asOf).toBe("2023-02-13");
  });

  it("ships attribution for every source", () => {
    const text = readFileSync(path.join(KB_DIR, "ATTRIBUTION.md"), "utf8");
    expect(text).toContain("Copyright (c) 2022 Zscaler ThreatLabz");
    expect(text).toContain("CC0");
    expect(text).toContain("2023-02-13");
    expect(text).toContain("令和8年3月");
  });

  it("rejects a broken knowledge base with a clear error", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sonae-kb-"));
    const broken = path.join(dir, "kb.json");
    writeFileSync(broken, JSON.stringify({ schemaVersion: 1, sources: [], families: [{ id: "Bad Id" }] }));
    expect(() => loadKnowledgeBase(broken)).toThrow(/invalid/);
    expect(() => loadKnowledgeBase(path.join(dir, "missing.json"))).toThrow(/not found/);
  });
});
