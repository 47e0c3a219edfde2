/**
 * Shapes produced by the EVTX parser. Element trees are plain objects so that they can be
 * serialised, rendered to XML, or flattened into fields without a DOM.
 */

/** One XML element of a decoded event (BinXML resolved, substitutions applied). */
export interface XmlElement {
  name: string;
  attrs: Array<[string, string]>;
  children: Array<XmlElement | string>;
}

/** One decoded event record. `offset` is the absolute byte offset of the record in the file. */
export interface EvtxRecord {
  recordId: number;
  /** Record write time from the record header, ISO 8601 UTC with 100 ns precision. */
  writtenAt: string;
  chunkIndex: number;
  offset: number;
  root: XmlElement;
  /** True for a record recovered from slack space (deleted or overwritten), not a live one. */
  recovered?: boolean;
}

/** A record or chunk that could not be (fully) decoded: never dropped silently. */
export interface EvtxProblem {
  kind: "file-header" | "chunk-header" | "chunk-checksum" | "record" | "record-gap" | "timeout";
  /** Absolute byte offset of the chunk or record concerned. */
  offset: number;
  chunkIndex?: number;
  recordId?: number;
  reason: string;
}

/** Options for {@link parseEvtxFile}. */
export interface ParseEvtxOptions {
  /** Called for every problem found; parsing continues with what can be recovered. */
  onProblem?: (problem: EvtxProblem) => void;
  /** Wall-clock bound for one chunk in milliseconds (hostile input must never hang). Default 2000. */
  chunkTimeoutMs?: number;
  /** Called after each chunk with bytes consumed so far and the file size (for progress bars). */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

/** Summary of the file header (ElfFile). */
export interface EvtxFileHeader {
  firstChunkNumber: number;
  lastChunkNumber: number;
  nextRecordId: number;
  majorVersion: number;
  minorVersion: number;
  chunkCount: number;
  isDirty: boolean;
  isFull: boolean;
  checksumOk: boolean;
}
