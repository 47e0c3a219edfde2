import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toIdentifyInput, ZIdentifyRequestBody } from "../src/http/identify-request";
import { createIdentifier, identifyRansomware } from "../src/identify/identify-ransomware";
import { toIdentificationRecord, ZIdentificationRecord } from "../src/identify/incident-record";
import { loadKnowledgeBase } from "../src/kb/load-kb";
import { ZIdentifyResult } from "../src/result-schema";
import { notePath } from "./paths";

const kb = loadKnowledgeBase();
const identifier = createIdentifier(kb);
const bytesOf = (rel: string) => new Uint8Array(readFileSync(notePath(rel)));
const identify = (input: Parameters<typeof identifyRansomware>[0]) => identifyRansomware(input, identifier);

describe("identifyRansomware", () => {
  it("identifies a Phobos note and gives the police tool, preservation and payment guidance", () => {
    const r = identify({ noteText: bytesOf("phobos/phobos.txt") });
    expect(r.status).toBe("identified");
    expect(r.candidates[0]?.family).toBe("phobos");
    expect(r.candidates[0]?.evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["email", "similar-note"]),
    );
    expect(r.guidance.family).toBe("phobos");
    expect(r.guidance.decryptors.some((d) => d.source === "npa-report")).toBe(true);
    expect(r.guidance.policeTools.ja).toContain("Phobos/8Base");
    expect(r.guidance.payment.summary.ja).toContain("復号が保証されるわけではない");
    expect(r.guidance.preserve.length).toBeGreaterThanOrEqual(3);
    expect(r.knowledgeBase.sources.find((s) => s.id === "nomoreransom")?.asOf).toBe("2023-02-13");
  });

  it.each([
    ["akira/akira_readme_2.txt", "akira"],
    ["lockbit/ReadMeForDecrypt.txt", "lockbit"],
    ["cactus/cAcTuS.readme_3.txt", "cactus"],
    ["inc/INC-README.html", "inc"],
    ["play/ReadMe2.txt", "play"],
    ["ransomexx/notext.txt", "ransomexx"],
  ])("leave-one-out: %s is still identified as %s with that note excluded everywhere", (rel, family) => {
    const noteId = `threatlabz:${rel}`;
    const held = createIdentifier(kb, new Set([noteId]));
    expect(held.index.notes.some((n) => n.note.id === noteId)).toBe(false);
    const r = identifyRansomware({ noteText: bytesOf(rel) }, held);
    expect(r.candidates[0]?.family).toBe(family);
    expect(r.candidates.some((c) => c.evidence.some((e) => e.value.includes(noteId)))).toBe(false);
  });

  it("returns a schema-valid, JSON-serialisable result", () => {
    const r = identify({ noteText: bytesOf("lockbit/[id].README.txt"), noteFileName: "ABCD1234.README.txt" });
    expect(ZIdentifyResult.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it("never returns a live onion or e-mail in evidence: artefacts are defanged", () => {
    const r = identify({ noteText: bytesOf("lockbit/[id].README.txt") });
    const values = r.candidates.flatMap((c) =>
      c.evidence.filter((e) => e.kind === "onion" || e.kind === "email"),
    );
    expect(values.length).toBeGreaterThan(0);
    for (const e of values) expect(e.value).not.toMatch(/\.onion|@|https?:/);
  });

  it("identifies from a specific extension alone, but not from a generic one", () => {
    const specific = identify({ fileNames: ["売上.xlsx.lockbit", "顧客.docx.lockbit"] });
    expect(specific.status).toBe("identified");
    expect(specific.candidates[0]?.family).toBe("lockbit");
    expect(specific.candidates[0]?.evidence[0]?.kind).toBe("extension");
    const generic = identify({ extension: ".locked" });
    expect(generic.status).toBe("unknown");
    expect(generic.guidance.family).toBeNull();
  });

  it("identifies Phobos from an encrypted file name that carries the note's e-mail (real address)", () => {
    const r = identify({ fileNames: ["売上.xlsx.id[1E857D00-3483].[teamchic@yandex.com].phobos"] });
    expect(r.status).toBe("identified");
    expect(r.candidates[0]?.family).toBe("phobos");
    expect(r.candidates[0]?.evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["email", "extension"]),
    );
    expect(r.guidance.decryptors.some((d) => d.source === "npa-report")).toBe(true);
  });

  it("says unknown for a generic note file name and for ordinary text", () => {
    expect(identify({ noteFileName: "README.txt" }).status).toBe("unknown");
    const prose =
      "Dear colleagues, the quarterly meeting is moved to Thursday. Please bring the budget figures and the " +
      "updated project plan. Lunch will be served after the meeting in the main hall.";
    const r = identify({ noteText: prose });
    expect(r.status).toBe("unknown");
    expect(r.guidance.decryptorStatus.en).toContain("could not be identified");
  });

  it("identifies from a known contact artefact", () => {
    const r = identify({
      artefacts: ["http://lockbit3753ekiocyo5epmpy6klmejchjtzddoekjlnt6mu3qh4de2id.onion/"],
    });
    expect(r.candidates[0]?.family).toBe("lockbit");
  });

  it("copes with a hostile note: script, 10,000 fake onions and a huge line", () => {
    const onions = Array.from(
      { length: 10_000 },
      (_, i) => `${String(i).padStart(16, "a").replace(/\d/g, "b")}.onion`,
    );
    const note = `<script>alert(1)</script>${onions.join(" ")}\n${"Z".repeat(3_000_000)}`;
    const start = performance.now();
    const r = identify({ noteText: note, artefacts: onions });
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(r.input.noteWasTruncated).toBe(true);
    for (const c of r.candidates) expect(c.evidence.length).toBeLessThanOrEqual(20);
  });

  it.each([
    ["a+a+a+ runs", "a+".repeat(2000)],
    ["dotted runs without @", "a.".repeat(2000)],
    ["long hex", "0123456789abcdef".repeat(250)],
  ])("stays fast on crafted 1 MiB notes of %s", (_label, line) => {
    const note = `${line}\n`.repeat(Math.floor((1024 * 1024) / (line.length + 1)));
    const start = performance.now();
    identify({ noteText: note });
    expect(performance.now() - start).toBeLessThan(8000);
  });

  it("rejects empty input with a clear error", () => {
    expect(() => identify({})).toThrow(/Nothing to identify/);
    expect(() => identify({ fileNames: [] })).toThrow(/Nothing to identify/);
  });
});

describe("incident record", () => {
  it("summarises a result without any attacker text", () => {
    const r = identify({ noteText: bytesOf("lockbit/[id].README.txt") });
    const record = ZIdentificationRecord.parse(toIdentificationRecord(r));
    expect(record).toMatchObject({ status: "identified", family: "lockbit", hasPoliceTool: true });
    expect(record.knowledgeBaseAsOf.nomoreransom).toBe("2023-02-13");
    expect(record.evidenceKinds).toContain("onion");
    expect(JSON.stringify(record)).not.toMatch(/\.onion|\[\.\]|@|lockbit3753/);
  });
});

describe("HTTP request body", () => {
  it("accepts a base64 UTF-16 note file and identifies it like the raw bytes", () => {
    const bytes = readFileSync(notePath("gandcrab/RFNCW-DECRYPT.txt"));
    const body = ZIdentifyRequestBody.parse({
      noteBase64: bytes.toString("base64"),
      noteFileName: "RFNCW-DECRYPT.txt",
    });
    const r = identify(toIdentifyInput(body));
    expect(r.input.noteEncoding).toBe("utf-16le");
    expect(r.candidates[0]?.family).toBe("gandcrab");
  });

  it("rejects oversized or ambiguous bodies", () => {
    expect(ZIdentifyRequestBody.safeParse({ noteText: "x".repeat(2 * 1024 * 1024) }).success).toBe(false);
    expect(ZIdentifyRequestBody.safeParse({ noteText: "a", noteBase64: "YQ==" }).success).toBe(false);
    expect(ZIdentifyRequestBody.safeParse({ noteBase64: "not base64!" }).success).toBe(false);
  });
});
