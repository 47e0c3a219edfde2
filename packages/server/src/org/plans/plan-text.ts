import type { TPlanDocumentKind } from "@sonae/core";
import { buildPlanDocument, type TBlock, type TPlanModelInput } from "@sonae/documents";

function blockLines(block: TBlock): string[] {
  switch (block.type) {
    case "heading":
      return [`${"#".repeat(block.level)} ${block.text}`];
    case "paragraph":
      return [block.text];
    case "list":
      return block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `- ${item}`));
    case "table":
      return [block.columns.map((c) => c.label).join(" | "), ...block.rows.map((row) => row.join(" | "))];
    case "pageBreak":
      return [];
    case "diagram":
      return [block.caption];
  }
}

/**
 * The text a version is compared by: the Japanese document rendered to lines (one per heading,
 * paragraph, list item and table row), without version/approval lines so a diff shows content
 * changes only. The card has no document of its own: its diff is over the model it is drawn from
 * (contacts and devices), pretty-printed one field per line.
 */
export function renderPlanText(kind: TPlanDocumentKind, model: TPlanModelInput): string {
  if (kind === "card") {
    const { version: _version, ...content } = model;
    return `${JSON.stringify(content, null, 2)}\n`;
  }
  const document = buildPlanDocument(kind, model, "ja");
  const lines = [document.title, ...document.blocks.flatMap(blockLines), ...document.sources];
  return `${lines.join("\n")}\n`;
}
