/**
 * A format-neutral document: every renderer (PDF, HTML) draws the same blocks, so the manual,
 * the BCP and the police report read the same on paper and offline in a browser.
 * Block text is plain text; each renderer escapes it for its own format.
 */
export type TBlock =
  | { type: "heading"; level: 1 | 2 | 3; text: string }
  | { type: "paragraph"; text: string; tone?: "normal" | "warning" | "muted" }
  | { type: "list"; ordered: boolean; items: string[] }
  | { type: "table"; columns: TTableColumn[]; rows: string[][] }
  | { type: "pageBreak" }
  | { type: "diagram"; caption: string; diagram: TDiagramFigure };

/** A node-and-link drawing (the network diagram): PDF draws it as vectors, HTML embeds the SVG. */
export interface TDiagramFigure {
  nodes: { id: string; label: string; typeLabel: string; type: string; x: number; y: number }[];
  edges: { source: string; target: string; label: string }[];
  /** The same drawing as SVG for formats that show images (embedded as an image, never inline markup). */
  svg?: string;
}

export interface TTableColumn {
  label: string;
  /** Relative width; the renderer scales the columns to the printable width. */
  weight: number;
}

export interface TDocument {
  lang: "ja" | "en";
  title: string;
  /** ISO date-time the content was generated; used as the PDF creation date (reproducible output). */
  createdAt: string;
  /** Lines printed under the title: organisation, version, generation time, approver. */
  metaLines: string[];
  /** Printed in every page footer (confidentiality mark). */
  confidentiality: string;
  blocks: TBlock[];
  /** Sources cited by the document, printed at the end. */
  sources: string[];
}

/** Creates a table block, checking that every row has one cell per column. */
export function createTable(columns: TTableColumn[], rows: string[][]): TBlock {
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new Error(`table row has ${row.length} cells, expected ${columns.length}`);
    }
  }
  return { type: "table", columns, rows };
}
