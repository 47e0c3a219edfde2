import { readFileSync } from "node:fs";
import { z } from "zod";
import type { TKbNote } from "../../src/kb/kb-schema";
import { decodeNote } from "../../src/text/decode-note";
import { extractArtefacts } from "../../src/text/extract-artefacts";
import { toNoteFileNamePattern } from "../../src/text/note-file-name";

const ZMispCluster = z.object({
  version: z.number(),
  values: z.array(
    z.object({
      value: z.string(),
      uuid: z.string(),
      meta: z
        .object({
          synonyms: z.array(z.string()).optional(),
          extensions: z.array(z.string()).optional(),
          "ransomnotes-filenames": z.array(z.string()).optional(),
          ransomnotes: z.array(z.string()).optional(),
          links: z.array(z.string()).optional(),
        })
        .loose()
        .optional(),
    }),
  ),
});

export type MispEntry = {
  value: string;
  uuid: string;
  synonyms: string[];
  extensions: string[];
  emails: string[];
  noteFileNames: string[];
  onions: string[];
  notes: TKbNote[];
};

/** Reads the MISP galaxy "ransomware" cluster (CC0-1.0 or BSD-2-Clause). */
export function readMispCluster(file: string): { version: number; entries: MispEntry[] } {
  const cluster = ZMispCluster.parse(JSON.parse(readFileSync(file, "utf8")));
  const entries = cluster.values.map((v): MispEntry => {
    const meta = v.meta ?? {};
    const rawExtensions = meta.extensions ?? [];
    const linkText = (meta.links ?? []).join("\n");
    return {
      value: v.value.trim(),
      uuid: v.uuid,
      synonyms: (meta.synonyms ?? []).map((s) => s.trim()).filter((s) => s.length > 0),
      extensions: uniqueSorted(rawExtensions.flatMap(parseExtension)),
      emails: extractArtefacts(rawExtensions.join("\n")).emails,
      noteFileNames: uniqueSorted((meta["ransomnotes-filenames"] ?? []).map(toNoteFileNamePattern)),
      onions: extractArtefacts(linkText).onions,
      notes: (meta.ransomnotes ?? [])
        .filter((text) => text.trim().length >= 40)
        .map((text, i): TKbNote => {
          const decoded = decodeNote(text);
          const artefacts = extractArtefacts(decoded.text);
          return {
            id: `misp:${v.uuid}/${i}`,
            source: "misp",
            fileName: null,
            text: decoded.text,
            ...{ onions: artefacts.onions, emails: artefacts.emails, toxIds: artefacts.toxIds },
          };
        }),
    };
  });
  return { version: cluster.version, entries };
}

/**
 * MISP writes extensions freely: ".locky", ".[random].raid10", ".id-<ID>_x@y.ch", "RANDOM 3 LETTERS".
 * Keep the literal last extension when it is a plain token; drop prose.
 */
export function parseExtension(raw: string): string[] {
  const value = raw.trim().toLowerCase();
  if (/^\.[a-z0-9_!$~-]{1,40}$/.test(value)) return [value];
  if (!value.startsWith(".") || /\s/.test(value) || value.includes("@")) return [];
  const last = value.match(/\.([a-z0-9_-]{2,30})$/);
  return last ? [`.${last[1]}`] : [];
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort();
}
