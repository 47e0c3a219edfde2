import { decodeArrayItems, decodeValue, VALUE_TYPE } from "./binxml-values";

/**
 * BinXML token decoder for one chunk (libevtx "Windows XML Event Log format" §4, MS-EVEN6 2.2.12).
 * Templates are parsed once per chunk into a small node tree and cached by definition offset, so
 * a record only costs reading its substitution array. All offsets are relative to the chunk.
 */

export type TplNode = ElementNode | TextNode | SubstitutionNode | InstanceNode;
export interface ElementNode {
  k: 0;
  name: string;
  attrs: Array<{ name: string; value: TplNode[] }>;
  children: TplNode[];
}
export interface TextNode {
  k: 1;
  v: string;
}
export interface SubstitutionNode {
  k: 2;
  idx: number;
  optional: boolean;
}
/** A template instance: template body plus its substitution values (type, offset, size). */
export interface InstanceNode {
  k: 3;
  body: TplNode[];
  values: Int32Array;
}

/** Limits that keep hostile input from recursing or looping without end. */
const MAX_DEPTH = 64;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Thrown for malformed BinXML; carries the chunk-relative offset where decoding stopped. */
export class BinXmlError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** The 16-bit hash EVTX stores with each name: h = h * 65599 + code unit, low 16 bits. */
function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 65599 + name.charCodeAt(i)) & 0xffff;
  return h;
}

/** Decodes BinXML fragments inside one 64 KiB chunk buffer. */
export class ChunkDecoder {
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, TplNode[]>();
  private pos = 0;

  private work = 0;

  /**
   * For slack-space records, whose templates and names may since have been overwritten by
   * others: require a template instance's id to equal the id (first 4 bytes of the GUID) of the
   * definition it points at, and each name's stored hash to match its text. Without these checks
   * such records decode "successfully" with the wrong fields (libevtx shows them so).
   */
  strictSlack = false;

  /**
   * @param deadlineMs wall-clock limit (Date.now() value) for everything decoded in this chunk:
   * a hostile template can reference the same BinXML value many times at many levels, which
   * would otherwise expand exponentially.
   */
  constructor(
    readonly buf: Buffer,
    readonly length: number,
    readonly deadlineMs = Number.POSITIVE_INFINITY,
  ) {}

  /** Counts decoding work and throws once the chunk's time budget is spent. */
  spendWork(): void {
    if ((++this.work & 1023) === 0 && Date.now() > this.deadlineMs) {
      throw new BinXmlError("チャンクの処理時間が上限を超えました / chunk time limit exceeded", this.pos);
    }
  }

  /** Parses a fragment (record body or BinXML value) in `[start, end)` into nodes. */
  parseFragment(start: number, end: number, depth = 0): TplNode[] {
    if (depth > MAX_DEPTH) throw new BinXmlError("BinXML nesting too deep", start);
    this.spendWork();
    this.pos = start;
    return this.parseContent(end, depth, false);
  }

  private fail(message: string): never {
    throw new BinXmlError(message, this.pos);
  }

  private need(n: number, end: number): void {
    if (this.pos + n > end) this.fail(`BinXML truncated at 0x${this.pos.toString(16)}`);
  }

  private parseContent(end: number, depth: number, inElement: boolean): TplNode[] {
    const nodes: TplNode[] = [];
    const buf = this.buf;
    while (this.pos < end) {
      const token = buf[this.pos] as number;
      switch (token & 0x0f) {
        case 0x00:
          this.pos++;
          if (inElement) this.fail("end of fragment inside an element");
          return nodes;
        case 0x0f:
          this.need(4, end);
          this.pos += 4;
          break;
        case 0x0c:
          nodes.push(this.parseTemplateInstance(end, depth));
          if (!inElement) return nodes;
          break;
        case 0x01:
          nodes.push(this.parseElement(end, depth + 1));
          break;
        case 0x04:
          this.pos++;
          if (!inElement) this.fail("unexpected end-element token");
          return nodes;
        case 0x02:
        case 0x03:
        case 0x06:
          this.fail(`unexpected token 0x${token.toString(16)}`);
          break;
        default: {
          const node = this.parseValueToken(token, end);
          if (node) nodes.push(node);
        }
      }
    }
    if (inElement) this.fail("element not closed before end of data");
    return nodes;
  }

  /** Text-like tokens that may appear as element content or attribute value; null for PI. */
  private parseValueToken(token: number, end: number): TplNode | null {
    const buf = this.buf;
    switch (token & 0x0f) {
      case 0x05: {
        this.need(2, end);
        const type = buf[this.pos + 1] as number;
        this.pos += 2;
        if (type === VALUE_TYPE.string) return { k: 1, v: this.readPrefixedUtf16(end) };
        return this.fail(`value token with type 0x${type.toString(16)}`);
      }
      case 0x0d:
      case 0x0e: {
        this.need(4, end);
        const idx = buf.readUInt16LE(this.pos + 1);
        this.pos += 4;
        return { k: 2, idx, optional: (token & 0x0f) === 0x0e };
      }
      case 0x07: {
        this.pos++;
        return { k: 1, v: this.readPrefixedUtf16(end) };
      }
      case 0x08: {
        this.need(3, end);
        const code = buf.readUInt16LE(this.pos + 1);
        this.pos += 3;
        return { k: 1, v: String.fromCharCode(code) };
      }
      case 0x09: {
        this.pos++;
        const name = this.readNameRef(end);
        return { k: 1, v: ENTITIES[name] ?? `&${name};` };
      }
      case 0x0a:
        this.pos++;
        this.readNameRef(end);
        return null;
      case 0x0b:
        this.pos++;
        this.readPrefixedUtf16(end);
        return null;
      default:
        return this.fail(`unknown BinXML token 0x${token.toString(16)}`);
    }
  }

  private readPrefixedUtf16(end: number): string {
    this.need(2, end);
    const chars = this.buf.readUInt16LE(this.pos);
    this.need(2 + chars * 2, end);
    const s = this.buf.toString("utf16le", this.pos + 2, this.pos + 2 + chars * 2);
    this.pos += 2 + chars * 2;
    return s;
  }

  /** Reads a name reference (u32 chunk offset); names defined inline are skipped over. */
  private readNameRef(end: number): string {
    this.need(4, end);
    const offset = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    const name = this.readName(offset);
    if (offset === this.pos) {
      // Inline definition: next-offset u32, hash u16, length u16, UTF-16 chars, NUL.
      this.pos += 8 + this.buf.readUInt16LE(offset + 6) * 2 + 2;
    }
    return name;
  }

  private readName(offset: number): string {
    const cached = this.names.get(offset);
    if (cached !== undefined) return cached;
    if (offset + 8 > this.length) this.fail(`name offset 0x${offset.toString(16)} outside chunk`);
    const chars = this.buf.readUInt16LE(offset + 6);
    if (offset + 8 + chars * 2 > this.length) this.fail("name runs past the chunk");
    const name = this.buf.toString("utf16le", offset + 8, offset + 8 + chars * 2);
    if (this.strictSlack && nameHash(name) !== this.buf.readUInt16LE(offset + 4))
      this.fail(`name at 0x${offset.toString(16)} was overwritten (hash mismatch)`);
    this.names.set(offset, name);
    return name;
  }

  private parseElement(end: number, depth: number): ElementNode {
    if (depth > MAX_DEPTH) this.fail("element nesting too deep");
    const hasAttrs = (this.buf[this.pos] as number) & 0x40;
    // token u8, dependency id u16, data size u32, then the name reference. Some writers omit the
    // dependency id in BinXML outside templates (the 14 EVTX-to-MITRE-Attack files that
    // python-evtx and libevtx reject): pick the layout whose name reference is consistent.
    this.need(11, end);
    this.pos += this.hasDependencyId(this.pos) ? 7 : 5;
    const name = this.readNameRef(end);
    if (hasAttrs) {
      this.need(4, end);
      this.pos += 4;
    }
    const element: ElementNode = { k: 0, name, attrs: [], children: [] };
    while (true) {
      this.need(1, end);
      const token = this.buf[this.pos] as number;
      const base = token & 0x0f;
      if (base === 0x06) {
        this.pos++;
        const attrName = this.readNameRef(end);
        element.attrs.push({ name: attrName, value: this.parseAttributeValue(end) });
      } else if (base === 0x02) {
        this.pos++;
        element.children = this.parseContent(end, depth, true);
        return element;
      } else if (base === 0x03) {
        this.pos++;
        return element;
      } else {
        this.fail(`unexpected token 0x${token.toString(16)} in start tag <${name}>`);
      }
    }
  }

  private hasDependencyId(start: number): boolean {
    const withId = this.buf.readUInt32LE(start + 7);
    if (withId === start + 11 || this.isKnownName(withId, start)) return true;
    const withoutId = this.buf.readUInt32LE(start + 5);
    return !(withoutId === start + 9 || this.isKnownName(withoutId, start));
  }

  private isKnownName(offset: number, before: number): boolean {
    return offset < before && (this.names.has(offset) || offset >= 512);
  }

  private parseAttributeValue(end: number): TplNode[] {
    const value: TplNode[] = [];
    while (this.pos < end) {
      const base = (this.buf[this.pos] as number) & 0x0f;
      if (base !== 0x05 && base !== 0x0d && base !== 0x0e && base !== 0x08 && base !== 0x09 && base !== 0x07)
        break;
      const node = this.parseValueToken(this.buf[this.pos] as number, end);
      if (node) value.push(node);
    }
    return value;
  }

  private parseTemplateInstance(end: number, depth: number): InstanceNode {
    const buf = this.buf;
    this.need(10, end);
    const templateId = buf.readUInt32LE(this.pos + 2);
    const defOffset = buf.readUInt32LE(this.pos + 6);
    this.pos += 10;
    if (this.strictSlack && defOffset + 8 <= this.length && buf.readUInt32LE(defOffset + 4) !== templateId)
      this.fail(`template at 0x${defOffset.toString(16)} was overwritten by another`);
    let body = this.templates.get(defOffset);
    if (defOffset === this.pos) {
      // Definition inline: next-def u32, GUID 16 bytes, data size u32, then the body.
      this.need(24, end);
      const size = buf.readUInt32LE(this.pos + 20);
      const bodyEnd = this.pos + 24 + size;
      if (bodyEnd > end) this.fail("template definition runs past the record");
      if (!body) {
        const saved = this.pos;
        body = this.parseFragment(this.pos + 24, bodyEnd, depth + 1);
        this.templates.set(defOffset, body);
        this.pos = saved;
      }
      this.pos = bodyEnd;
    } else if (!body) {
      if (defOffset + 24 > this.length)
        this.fail(`template offset 0x${defOffset.toString(16)} outside chunk`);
      const size = buf.readUInt32LE(defOffset + 20);
      const bodyEnd = defOffset + 24 + size;
      if (bodyEnd > this.length) this.fail("template definition runs past the chunk");
      const saved = this.pos;
      body = this.parseFragment(defOffset + 24, bodyEnd, depth + 1);
      this.templates.set(defOffset, body);
      this.pos = saved;
    }
    // Substitution array: count u32, then (size u16, type u8, pad u8) each, then the values.
    this.need(4, end);
    const count = buf.readUInt32LE(this.pos);
    this.pos += 4;
    this.need(count * 4, end);
    const values = new Int32Array(count * 3);
    let valueOffset = this.pos + count * 4;
    for (let i = 0; i < count; i++) {
      const size = buf.readUInt16LE(this.pos + i * 4);
      values[i * 3] = buf[this.pos + i * 4 + 2] as number;
      values[i * 3 + 1] = valueOffset;
      values[i * 3 + 2] = size;
      valueOffset += size;
    }
    if (valueOffset > end) this.fail("substitution values run past the record");
    this.pos = valueOffset;
    return { k: 3, body, values };
  }

  /** Decodes substitution value `i` of an instance as text (BinXML values excluded). */
  valueText(values: Int32Array, i: number): string {
    return decodeValue(
      this.buf,
      values[i * 3 + 1] as number,
      values[i * 3 + 2] as number,
      values[i * 3] as number,
    );
  }

  /** Decodes an array substitution value (type | 0x80) into its items. */
  valueItems(values: Int32Array, i: number): string[] {
    return decodeArrayItems(
      this.buf,
      values[i * 3 + 1] as number,
      values[i * 3 + 2] as number,
      values[i * 3] as number,
    );
  }
}
