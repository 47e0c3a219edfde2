import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { TKbNote } from "../../src/kb/kb-schema";
import { decodeNote } from "../../src/text/decode-note";
import { extractArtefacts } from "../../src/text/extract-artefacts";
import { toNoteFileNamePattern } from "../../src/text/note-file-name";

export type ThreatLabzFamily = { folder: string; notes: TKbNote[] };

/**
 * Reads `notes/<family>/<file>` (ThreatLabz, MIT). Note file names are kept as patterns when they
 * look like the name the malware drops; names ThreatLabz gave while collecting ("lockbit2.txt",
 * "conti1.txt") are dropped because no victim will ever see them.
 */
export function readThreatLabzNotes(notesDir: string): ThreatLabzFamily[] {
  const families: ThreatLabzFamily[] = [];
  for (const folder of readdirSync(notesDir).sort()) {
    const dir = path.join(notesDir, folder);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir).sort();
    const notes = files.map((file): TKbNote => {
      const decoded = decodeNote(new Uint8Array(readFileSync(path.join(dir, file))));
      const artefacts = extractArtefacts(decoded.text);
      return {
        id: `threatlabz:${folder}/${file}`,
        source: "threatlabz",
        fileName: toDroppedNameOrNull(folder, file, files),
        text: decoded.text,
        onions: artefacts.onions,
        emails: artefacts.emails,
        toxIds: artefacts.toxIds,
      };
    });
    families.push({ folder, notes });
  }
  return families;
}

function toDroppedNameOrNull(folder: string, file: string, siblings: string[]): string | null {
  // SOURCE.md: notes that can run script were renamed by appending ".txt".
  let name = file.replace(/\.(hta|html?)\.txt$/i, ".$1");
  // De-duplication suffixes added by the collector ("INC-README2.txt" next to "INC-README.txt").
  const unsuffixed = name.replace(/(?:_\d|\d)(\.[^.]+)$/, "$1");
  if (unsuffixed !== name && siblings.some((s) => s.toLowerCase() === unsuffixed.toLowerCase())) {
    name = unsuffixed;
  }
  const base = name.replace(/\.[^.]+$/, "").toLowerCase();
  const key = folder.toLowerCase().replace(/[^a-z0-9]/g, "");
  const labelRe = new RegExp(`^${key}[_-]?(?:v?\\d+|note)?$`);
  if (labelRe.test(base.replace(/[^a-z0-9_-]/g, ""))) return null;
  return toNoteFileNamePattern(name);
}
