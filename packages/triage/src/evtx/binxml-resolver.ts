import { BinXmlError, type ChunkDecoder, type TplNode } from "./binxml-decoder";
import { VALUE_TYPE } from "./binxml-values";
import type { XmlElement } from "./evtx-types";

const MAX_DEPTH = 64;

/**
 * Applies substitution values to template nodes, producing plain XML elements. Optional
 * substitutions whose value is empty drop their attribute, as Windows' own XML view does
 * (MS-EVEN6 2.2.12: "optional substitution ... not rendered if the value is NULL").
 */
export function resolveNodes(
  decoder: ChunkDecoder,
  nodes: TplNode[],
  values: Int32Array | null,
  depth = 0,
): Array<XmlElement | string> {
  if (depth > MAX_DEPTH) throw new BinXmlError("template nesting too deep", 0);
  decoder.spendWork();
  const out: Array<XmlElement | string> = [];
  for (const node of nodes) {
    switch (node.k) {
      case 0: {
        const attrs: Array<[string, string]> = [];
        for (const attr of node.attrs) {
          if (isOmittedAttribute(attr.value, values)) continue;
          attrs.push([attr.name, textOf(decoder, attr.value, values)]);
        }
        const items = arrayItems(decoder, node.children, values);
        if (items) {
          // Windows renders an array value as one element per item (libevtx does the same).
          for (const item of items) out.push({ name: node.name, attrs, children: item === "" ? [] : [item] });
          break;
        }
        out.push({
          name: node.name,
          attrs,
          children: resolveNodes(decoder, node.children, values, depth + 1),
        });
        break;
      }
      case 1:
        out.push(node.v);
        break;
      case 2:
        pushSubstitution(decoder, out, node.idx, values, depth);
        break;
      case 3:
        for (const child of resolveNodes(decoder, node.body, node.values, depth + 1)) out.push(child);
        break;
    }
  }
  return out;
}

function arrayItems(decoder: ChunkDecoder, children: TplNode[], values: Int32Array | null): string[] | null {
  if (children.length !== 1 || !values) return null;
  const node = children[0] as TplNode;
  if (node.k !== 2 || node.idx * 3 >= values.length) return null;
  const type = values[node.idx * 3] as number;
  if ((type & VALUE_TYPE.arrayFlag) === 0 || values[node.idx * 3 + 2] === 0) return null;
  return decoder.valueItems(values, node.idx);
}

function isOmittedAttribute(value: TplNode[], values: Int32Array | null): boolean {
  if (value.length !== 1 || !values) return false;
  const node = value[0] as TplNode;
  if (node.k !== 2 || !node.optional) return false;
  const i = node.idx;
  return i * 3 >= values.length || values[i * 3] === VALUE_TYPE.null || values[i * 3 + 2] === 0;
}

function textOf(decoder: ChunkDecoder, nodes: TplNode[], values: Int32Array | null): string {
  let s = "";
  for (const node of nodes) {
    if (node.k === 1) s += node.v;
    else if (node.k === 2 && values && node.idx * 3 < values.length) {
      if (values[node.idx * 3] !== VALUE_TYPE.binXml) s += decoder.valueText(values, node.idx);
    }
  }
  return s;
}

function pushSubstitution(
  decoder: ChunkDecoder,
  out: Array<XmlElement | string>,
  idx: number,
  values: Int32Array | null,
  depth: number,
): void {
  if (!values) throw new BinXmlError("substitution outside a template instance", 0);
  if (idx * 3 >= values.length) return; // Referenced value missing: Windows renders nothing.
  const type = values[idx * 3] as number;
  const offset = values[idx * 3 + 1] as number;
  const size = values[idx * 3 + 2] as number;
  if (type === VALUE_TYPE.null || size === 0) return;
  if (type === VALUE_TYPE.binXml) {
    const nested = decoder.parseFragment(offset, offset + size, depth + 1);
    for (const child of resolveNodes(decoder, nested, null, depth + 1)) out.push(child);
    return;
  }
  const text = decoder.valueText(values, idx);
  if (text !== "") out.push(text);
}
