import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeNote } from "../src/text/decode-note";
import { defangArtefact, extractArtefacts, MAX_ARTEFACTS_PER_KIND } from "../src/text/extract-artefacts";
import { notePath } from "./paths";

const textOf = (rel: string) => decodeNote(new Uint8Array(readFileSync(notePath(rel)))).text;

describe("extractArtefacts", () => {
  it("finds the v3 onion hosts of a LockBit note", () => {
    const a = extractArtefacts(textOf("lockbit/[id].README.txt"));
    expect(a.onions).toContain("lockbit3753ekiocyo5epmpy6klmejchjtzddoekjlnt6mu3qh4de2id.onion");
    expect(a.onions.every((o) => /^[a-z2-7]{56}\.onion$/.test(o))).toBe(true);
  });

  it("finds e-mail addresses of a Phobos note and a Tox id of a Cactus note", () => {
    expect(extractArtefacts(textOf("phobos/phobos.txt")).emails).toEqual(
      expect.arrayContaining(["teamchic@yandex.com", "teamchica@yandex.com"]),
    );
    expect(extractArtefacts(textOf("cactus/cAcTuS.readme.txt")).toxIds[0]).toMatch(/^[0-9a-f]{76}$/);
  });

  it("caps a flood of artefacts", () => {
    const flood = Array.from({ length: 5000 }, (_, i) => `user${i}@evil${i}.com`).join(" ");
    expect(extractArtefacts(flood).emails.length).toBe(MAX_ARTEFACTS_PER_KIND);
  });

  it("defangs artefacts so they can never become links", () => {
    expect(defangArtefact("http://abc.onion")).toBe("hxxp://abc[.]onion");
    expect(defangArtefact("a@b.com")).toBe("a[@]b[.]com");
  });
});
