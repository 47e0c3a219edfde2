import type { TIdentifyInput } from "../result-schema";
import { type DecodedNote, decodeNote } from "../text/decode-note";
import { type Artefacts, extractArtefacts, MAX_ARTEFACTS_PER_KIND } from "../text/extract-artefacts";
import { normaliseDroppedName } from "../text/note-file-name";

/** Extensions of ordinary files: seeing "report.docx" says nothing about the family. */
const ORDINARY_EXTENSIONS = new Set(
  [
    ".txt .doc .docx .docm .xls .xlsx .xlsm .ppt .pptx .pdf .rtf .odt .ods .odp .csv .log .xml .json .md",
    ".jpg .jpeg .png .gif .bmp .tif .tiff .webp .heic .svg .psd .ai .dwg .wav .mp3 .mp4 .avi .mov .mkv",
    ".zip .rar .7z .tar .gz .tgz .bz2 .xz .iso .bin .dat .tmp .bak .old .cfg .conf .ini .lnk .url",
    ".exe .dll .sys .msi .bat .cmd .ps1 .vbs .js .py .php .htm .html .css .jar .java .c .cpp .cs .h",
    ".sql .db .sqlite .mdb .accdb .mdf .ldf .pst .ost .eml .msg .one .vmdk .vhd .vhdx .vmx .vmem .qcow2",
  ]
    .join(" ")
    .split(" "),
);
const MAX_EXTENSIONS = 50;

export type CollectedInput = {
  note: DecodedNote | null;
  noteBytes: number;
  artefacts: Artefacts;
  extensions: string[];
  noteFileNames: string[];
};

/** Normalises every part of the caller's input into inert text, artefacts and extensions. */
export function collectInput(input: TIdentifyInput): CollectedInput {
  const note = input.noteText !== undefined ? decodeNote(input.noteText) : null;
  const fileNames = (input.fileNames ?? []).slice(0, 10_000).map(normaliseDroppedName);
  const noteFileNames = input.noteFileName ? [normaliseDroppedName(input.noteFileName)] : [];
  const artefactText = [
    note?.text ?? "",
    ...(input.artefacts ?? []).slice(0, 1000),
    ...fileNames,
    ...noteFileNames,
  ]
    .join("\n")
    .slice(0, 4 * 1024 * 1024);
  const extensions = new Set<string>();
  const explicit = input.extension?.trim().toLowerCase();
  if (explicit) extensions.add(explicit.startsWith(".") ? explicit : `.${explicit}`);
  for (const name of fileNames) {
    if (extensions.size >= MAX_EXTENSIONS) break;
    const ext = name.toLowerCase().match(/(\.[^.\s\\/]{1,40})$/)?.[1];
    if (ext && !ORDINARY_EXTENSIONS.has(ext)) extensions.add(ext);
  }
  const noteBytes =
    input.noteText === undefined
      ? 0
      : typeof input.noteText === "string"
        ? Buffer.byteLength(input.noteText.slice(0, 2 * 1024 * 1024))
        : input.noteText.length;
  return {
    note,
    noteBytes,
    artefacts: capArtefacts(extractArtefacts(artefactText)),
    extensions: [...extensions],
    noteFileNames,
  };
}

function capArtefacts(a: Artefacts): Artefacts {
  return {
    onions: a.onions.slice(0, MAX_ARTEFACTS_PER_KIND),
    emails: a.emails.slice(0, MAX_ARTEFACTS_PER_KIND),
    toxIds: a.toxIds.slice(0, MAX_ARTEFACTS_PER_KIND),
  };
}
