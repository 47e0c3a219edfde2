import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractIndicators } from "./extract-indicators";
import { normaliseIndicator } from "./normalise-indicator";
import { isValidToxId } from "./tox-id";

// Real ransom notes (ThreatLabz collection, MIT) staged in the shared data folder; see its SOURCE.md.
const NOTES = path.resolve(import.meta.dirname, "../../../../../shared/data/ransomware/notes");

/** Notes are hostile input: UTF-8 with or without BOM, or UTF-16LE with BOM. */
function readNote(relative: string): string {
  const bytes = readFileSync(path.join(NOTES, relative));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

function allNotes(): string[] {
  return readdirSync(NOTES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(NOTES, d.name)).map((f) => path.join(d.name, f)));
}

const pick = (relative: string) => extractIndicators(readNote(relative)).map((i) => [i.kind, i.value]);

describe("extractIndicators on real ransom notes", () => {
  it("Ryuk: two contact e-mails and a Base58 BTC wallet, nothing else", () => {
    expect(pick("ryuk/ryuk.txt")).toEqual([
      ["email", "wayneevenson@protonmail.com"],
      ["email", "wayneevenson@tutanota.com"],
      ["btc", "14hVKm7Ft2rxDBFTNkkRC3kGstMGp2A4hk"],
    ]);
  });

  it("BlackSnake: bech32 wallet, six e-mails, an onion paste URL and the Tor download site", () => {
    expect(pick("blacksnake/UNLOCK_MY_FILES.txt")).toEqual([
      ["btc", "bc1qu7f2m5r7al0fmank5mkq0xju3z3rkdvj778v45"],
      ["email", "blacksnaketeam@armormail.net"],
      ["email", "blacksnaketeam@evilmail.to"],
      ["email", "blacksnaketeam@dnmx.org"],
      ["email", "blacksnaketeam@protonmail.com"],
      ["email", "blacksnaketeam@onionmail.org"],
      [
        "url",
        "http://torpastezr7464pevuvdjisbvaf4yqi4n7sgz7lkwgqwxznwy5duj4ad.onion/raw/t8st1gRNbg6ea2D7UQJq/",
      ],
      ["onion", "torpastezr7464pevuvdjisbvaf4yqi4n7sgz7lkwgqwxznwy5duj4ad.onion"],
      ["url", "https://torproject.org"],
      ["domain", "torproject.org"],
      ["email", "help.blacksnaketeam@evilmail.to"],
    ]);
  });

  it("NightSpire: a qTox ID with a valid checksum, two v3 onion services and an e-mail", () => {
    expect(pick("nightspire/nightspire_readme.txt")).toEqual([
      ["email", "nightspireteam.receiver@onionmail.org"],
      ["tox", "3B61CFD6E12D789A439816E1DE08CFDA58D76EB0B26585AA34CDA617C41D5943CDD15DB0B7E6"],
      ["url", "http://a2lyiiaq4n74tlgz4fk3ft4akolapfrzk772dk24iq32cznjsmzpanqd.onion"],
      ["onion", "a2lyiiaq4n74tlgz4fk3ft4akolapfrzk772dk24iq32cznjsmzpanqd.onion"],
      ["url", "http://nspiremkiq44zcxjbgvab4mdedyh2pzj5kzbmvftcugq3mczx3dqogid.onion"],
      ["onion", "nspiremkiq44zcxjbgvab4mdedyh2pzj5kzbmvftcugq3mczx3dqogid.onion"],
    ]);
  });

  it("defanged notes: Diavol's hxxps + \\. onion URL, Akira's torproject[.]org, Hades' hxxp v2 onion", () => {
    const diavol = extractIndicators(readNote("diavol/diavol1.txt"));
    expect(diavol.find((i) => i.kind === "url")).toMatchObject({
      value: "https://r2gttyb5vqu6swf5.onion/eE5PWTlvbWc6OmxGYW5HM0dMd3FIRGQyUFo=/%cid_bot%",
      defanged: true,
    });
    expect(pick("akira/akira_readme_2.txt")).toContainEqual(["domain", "torproject.org"]);
    expect(pick("hades/hades.txt")).toEqual([
      ["url", "https://torproject.org/"],
      ["domain", "torproject.org"],
      ["url", "http://m6s6axasulxjkhzh.onion"],
      ["onion", "m6s6axasulxjkhzh.onion"],
    ]);
  });

  it("GandCrab (UTF-16LE): v2 onion URL and the Tor Project site", () => {
    expect(pick("gandcrab/RFNCW-DECRYPT.txt")).toEqual([
      ["url", "https://www.torproject.org/"],
      ["domain", "www.torproject.org"],
      ["url", "http://gandcrabmfe6mnef.onion/f58deb0566e9eb5c"],
      ["onion", "gandcrabmfe6mnef.onion"],
    ]);
  });

  describe("across all notes", () => {
    const notes = allNotes().map((file) => ({ file, text: readNote(file) }));

    it("reads the whole collection", () => {
      expect(notes.length).toBeGreaterThan(250);
    });

    it("every offset points at text that normalises to the reported value", () => {
      let checked = 0;
      for (const { file, text } of notes) {
        for (const ind of extractIndicators(text)) {
          for (const { start, end } of ind.offsets) {
            const slice = text.slice(start, end);
            // Onion occurrences may carry subdomains ("www.x.onion"); the value is the service address.
            expect(normaliseIndicator(ind.kind, slice), `${file} ${ind.kind} "${slice}"`).toBe(ind.value);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(1000);
    });

    it("finds every checksum-valid Tox ID and every v3 onion address a plain scan sees", () => {
      for (const { file, text } of notes) {
        const found = extractIndicators(text);
        const values = new Set(found.map((i) => `${i.kind}:${i.value}`));
        for (const hex of text.match(/(?<![0-9a-f])[0-9a-f]{76}(?![0-9a-f])/gi) ?? []) {
          if (isValidToxId(hex)) expect(values.has(`tox:${hex.toUpperCase()}`), `${file} ${hex}`).toBe(true);
        }
        for (const onion of text.match(/(?<![a-z0-9])[a-z2-7]{55}d\.onion/gi) ?? []) {
          expect(values.has(`onion:${onion.toLowerCase()}`), `${file} ${onion}`).toBe(true);
        }
        // A hash never comes from inside a Tox ID, an onion address or a wallet.
        for (const hash of found.filter((i) => ["md5", "sha1", "sha256"].includes(i.kind))) {
          const inside = found.some(
            (o) =>
              ["tox", "onion", "btc", "xmr", "eth"].includes(o.kind) &&
              o.value.toLowerCase().includes(hash.value),
          );
          expect(inside, `${file} ${hash.value}`).toBe(false);
        }
      }
    });

    it("never reports a note's file-name-like tokens as domains", () => {
      for (const { file, text } of notes) {
        for (const ind of extractIndicators(text)) {
          if (ind.kind !== "domain") continue;
          expect(ind.value, file).not.toMatch(/\.(txt|exe|dll|html?|hta|log|bat|ps1|docx?|pdf|jpg|png|key)$/);
        }
      }
    });
  });
});
