import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { assertXlsxWithinLimits, XLSX_MAX_EXPANDED_BYTES } from "./xlsx-guard";

/** A one-entry ZIP (APPNOTE 4.3) whose entry inflates to `size` zero bytes; the CRC is not checked by the guard. */
function zipOfZeros(size: number, declaredSize = size): Buffer {
  const name = Buffer.from("xl/sharedStrings.xml");
  const data = deflateRawSync(Buffer.alloc(size), { level: 9 });
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

describe("XLSX expansion guard", () => {
  it("accepts a real workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("機器台帳").addRow(["名称", "種別", "ベンダー", "製品"]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(() => assertXlsxWithinLimits(bytes)).not.toThrow();
  });

  it("refuses a zip bomb even when it lies about its size", () => {
    const bomb = zipOfZeros(XLSX_MAX_EXPANDED_BYTES + 1024 * 1024, 1000);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(() => assertXlsxWithinLimits(bomb)).toThrow(/expands beyond/);
  });

  it("refuses what is not a ZIP", () => {
    expect(() => assertXlsxWithinLimits(Buffer.from("名称,種別\n".repeat(10)))).toThrow(/not a ZIP/);
  });
});
