import { readFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@sonae/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { SheetTable } from "./devices-file-read";
import { readCsvTable, readXlsxTable } from "./devices-file-read";
import { validateDeviceRows } from "./devices-import-rows";

const table = (text: string): SheetTable => readCsvTable(Buffer.from(text, "utf8"));

describe("device register rows", () => {
  it("reads Japanese spellings of dates, types, MFA and log locations", () => {
    const { rows, errors } = validateDeviceRows(
      table(
        "名称,種別,ベンダー,製品,多要素認証,最終パッチ適用日,サポート終了日,ログの保存先\n" +
          "ＶＰＮ装置,ＶＰＮ,Fortinet,FortiGate,有効,2026年4月1日,2027/3/31,メモリ\n" +
          "カメラ,IPカメラ,Hikvision,DS-2CD,×,2026.01.05,,転送\n",
      ),
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.input)).toMatchObject([
      {
        name: "ＶＰＮ装置",
        type: "vpn",
        mfaEnabled: true,
        lastPatchedAt: "2026-04-01",
        endOfSupport: "2027-03-31",
        logLocation: "memory",
      },
      { type: "ip_camera", mfaEnabled: false, lastPatchedAt: "2026-01-05", logLocation: "forwarded" },
    ]);
  });

  it("reports every problem of a row with its row number and column", () => {
    const { rows, errors } = validateDeviceRows(
      table("名称,種別,ベンダー,製品,サポート終了日\n,VPN,,FortiGate,2026-02-30\nok,VPN,a,b,,extra\n"),
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => `${e.row}:${e.column ?? "-"}`)).toEqual([
      "2:サポート終了日",
      "2:名称",
      "2:ベンダー",
      "3:-",
    ]);
    const second = validateDeviceRows(table("名称,種別,ベンダー,製品\n,VPN,,FortiGate\n"));
    expect(second.errors.map((e) => `${e.row}:${e.column}:${e.message.en}`)).toEqual([
      "2:名称:This required cell is empty.",
      "2:ベンダー:This required cell is empty.",
    ]);
  });

  it("treats a leading minus before a number as data and before a word as a formula", () => {
    const { errors } = validateDeviceRows(
      table("名称,種別,ベンダー,製品,バージョン,用途\nx,VPN,a,b,-1,-\ny,VPN,a,b,1,-cmd\n"),
    );
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(["3:用途"]);
  });

  it("refuses a repeated column", () => {
    expect(() => validateDeviceRows(table("名称,Name,種別,ベンダー,製品\n"))).toThrow(/twice/);
  });
});

describe("register file encodings and formula cells", () => {
  const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name));

  it("reads a Shift_JIS (CP932) CSV saved by Excel, including NEC/IBM extension characters", () => {
    const { rows, errors } = validateDeviceRows(readCsvTable(fixture("register-cp932.csv")));
    expect(errors).toEqual([]);
    expect(rows[0]!.input).toMatchObject({
      name: "本社ＶＰＮ①",
      vendor: "フォーティネット",
      version: "7.0.12",
      location: "髙田ビル㈱５階",
    });
  });

  it("refuses EUC-JP and UTF-16 files with a message that says how to save the file", () => {
    for (const name of ["register-eucjp.csv", "register-utf16.csv"]) {
      expect(() => readCsvTable(fixture(name))).toThrow(AppError);
      try {
        readCsvTable(fixture(name));
      } catch (error) {
        expect((error as AppError).detail?.ja).toContain("CSV UTF-8");
      }
    }
  });

  it("refuses every cell a spreadsheet would evaluate, including the known bypasses, in CSV and XLSX", async () => {
    const bypasses = ["-2+3+cmd|' /C calc'!A0", "-1+1|cmd", " =cmd|' /C calc'!A0", "\n=cmd|' /C calc'!A0"];
    const csv = `名称,種別,ベンダー,製品\n${bypasses.map((b) => `"${b.replaceAll('"', '""')}",VPN,a,b`).join("\n")}\n`;
    const fromCsv = validateDeviceRows(table(csv));
    expect(fromCsv.rows).toEqual([]);
    expect(fromCsv.errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      "2:名称",
      "3:名称",
      "4:名称",
      "5:名称",
    ]);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("機器台帳");
    sheet.addRow(["名称", "種別", "ベンダー", "製品"]);
    sheet.addRow(["=cmd|' /C calc'!A0", "VPN", "a", "b"]); // a text cell, not a formula cell
    sheet.addRow(["'=escaped by Sonae", "VPN", "a", "b"]);
    const fromXlsx = validateDeviceRows(await readXlsxTable(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(fromXlsx.errors.map((e) => `${e.row}:${e.column}`)).toEqual(["2:名称"]);
    expect(fromXlsx.rows.map((r) => r.input.name)).toEqual(["=escaped by Sonae"]);
  });
});
