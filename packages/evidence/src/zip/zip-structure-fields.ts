import type { LocalisedText } from "../errors/evidence-error";

/** One fixed-width field of a ZIP record: byte range and its name in both languages. */
interface Field {
  at: number;
  length: number;
  name: LocalisedText;
}

const f = (at: number, length: number, ja: string, en: string): Field => ({ at, length, name: { ja, en } });

// Field layouts per PKWARE APPNOTE.TXT §4.3.7, §4.3.9, §4.3.12, §4.3.14–16, used only to name
// the first byte that differs from what the record must be.
export const LOCAL_FIELDS: Field[] = [
  f(0, 4, "署名", "signature"),
  f(4, 2, "展開に必要なバージョン", "version needed"),
  f(6, 2, "フラグ", "flags"),
  f(8, 2, "圧縮方式", "compression method"),
  f(10, 2, "更新時刻", "modification time"),
  f(12, 2, "更新日付", "modification date"),
  f(14, 4, "CRC-32", "CRC-32"),
  f(18, 4, "圧縮後サイズ", "compressed size"),
  f(22, 4, "元のサイズ", "uncompressed size"),
  f(26, 2, "名前の長さ", "name length"),
  f(28, 2, "拡張フィールドの長さ", "extra field length"),
];
export const CENTRAL_FIELDS: Field[] = [
  f(0, 4, "署名", "signature"),
  f(4, 2, "作成バージョン", "version made by"),
  f(6, 2, "展開に必要なバージョン", "version needed"),
  f(8, 2, "フラグ", "flags"),
  f(10, 2, "圧縮方式", "compression method"),
  f(12, 2, "更新時刻", "modification time"),
  f(14, 2, "更新日付", "modification date"),
  f(16, 4, "CRC-32", "CRC-32"),
  f(20, 4, "圧縮後サイズ", "compressed size"),
  f(24, 4, "元のサイズ", "uncompressed size"),
  f(28, 2, "名前の長さ", "name length"),
  f(30, 2, "拡張フィールドの長さ", "extra field length"),
  f(32, 2, "コメントの長さ", "comment length"),
  f(34, 2, "開始ディスク番号", "disk number start"),
  f(36, 2, "内部属性", "internal attributes"),
  f(38, 4, "外部属性 (ファイルモード)", "external attributes (file mode)"),
  f(42, 4, "ローカルヘッダーの位置", "local header offset"),
];
export const DESCRIPTOR_FIELDS: Field[] = [
  f(0, 4, "署名", "signature"),
  f(4, 4, "CRC-32", "CRC-32"),
  f(8, 4, "圧縮後サイズ", "compressed size"),
  f(12, 4, "元のサイズ", "uncompressed size"),
];
export const END_FIELDS: Field[] = [
  f(0, 4, "署名", "signature"),
  f(4, 2, "ディスク番号", "disk number"),
  f(6, 2, "中央ディレクトリ開始ディスク", "central directory disk"),
  f(8, 2, "このディスクのエントリ数", "entries on this disk"),
  f(10, 2, "エントリ総数", "total entries"),
  f(12, 4, "中央ディレクトリのサイズ", "central directory size"),
  f(16, 4, "中央ディレクトリの位置", "central directory offset"),
  f(20, 2, "コメントの長さ", "comment length"),
];

/**
 * Names the first differing byte between the record as found and as it must be: a fixed field,
 * else the name or the extra field after the fixed part (`nameLength` bytes of name).
 */
export function describeDifference(
  found: Buffer,
  expected: Buffer,
  fields: Field[],
  nameLength: number,
): { offset: number; field: LocalisedText } | undefined {
  const length = Math.max(found.length, expected.length);
  for (let i = 0; i < length; i++) {
    if (found[i] === expected[i]) continue;
    const field = fields.find((x) => i >= x.at && i < x.at + x.length);
    if (field) return { offset: i, field: field.name };
    const fixed = fields.reduce((end, x) => Math.max(end, x.at + x.length), 0);
    if (i < fixed + nameLength) return { offset: i, field: { ja: "ファイル名", en: "file name" } };
    if (i >= found.length || i >= expected.length)
      return { offset: i, field: { ja: "レコードの長さ", en: "record length" } };
    return { offset: i, field: { ja: "拡張フィールド (ZIP64)", en: "extra field (ZIP64)" } };
  }
  return undefined;
}
