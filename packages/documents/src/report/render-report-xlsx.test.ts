import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createReportFixture, readFortiosKev } from "../../test/report-fixture";
import { renderReportXlsx } from "./render-report-xlsx";

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function fieldsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const map = new Map<string, string>();
  ws.eachRow((row) => map.set(String(row.getCell(2).value), String(row.getCell(3).value ?? "")));
  return map;
}

describe("renderReportXlsx", () => {
  it("writes the common ransomware form fields as labelled rows", async () => {
    const model = createReportFixture();
    const wb = await readBack(await renderReportXlsx(model));
    const fields = fieldsOf(wb.getWorksheet("ランサムウェア事案共通様式")!);
    expect(fields.get("ランサムノート")).toContain("All your files are encrypted");
    expect(fields.get("暗号化されたファイルの拡張子")).toBe(".cuba");
    expect(fields.get("ランサムウェアの類型: 暗号化")).toBe("あり");
    expect(fields.get("ランサムウェアの類型: 漏えいの脅迫（リークサイト・SNS等）")).toBe("あり");
    expect(fields.get("ランサムウェアの類型: 金銭の要求")).toBe("あり");
    expect(fields.get("侵入方法")).toContain("VPN機器の脆弱性");
    expect(fields.get("特徴（ハッシュ値・通信先IP・連絡先等）")).toContain(model.indicators[10]!.value);
    expect(fields.get("外部接続機器（パッチ・KEV）")).toContain(readFortiosKev().cveID);
    expect(fields.get("組織名")).toBe("株式会社備え精機");
    expect(wb.getWorksheet("特徴（インディケータ）")!.rowCount).toBe(1 + model.indicators.length);
    expect(wb.getWorksheet("DDoS攻撃事案共通様式")).toBeUndefined();
  });

  it("keeps attacker data inert: no hyperlinks, no formulas, formula-like text escaped", async () => {
    const model = createReportFixture();
    model.indicators.push({
      kind: "url",
      value: "http://evil.example/",
      note: '=HYPERLINK("http://evil.example","x")',
    });
    model.incident.title = "+cmd|' /C calc'!A0";
    const wb = await readBack(await renderReportXlsx(model));
    let cells = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.hyperlink).toBeUndefined();
          expect(String(cell.value)).not.toMatch(/^[=+\-@]/);
        }),
      ),
    );
    expect(cells).toBeGreaterThan(50);
    const notes = fieldsOf(wb.getWorksheet("特徴（インディケータ）")!);
    expect(notes.get("http://evil.example/")).toBe(`'=HYPERLINK("http://evil.example","x")`);
  });

  it("adds the optional DDoS form fields when given", async () => {
    const model = {
      ...createReportFixture(),
      ddos: { attackType: "reflection-amplification" as const, peakGbps: 12.5 },
    };
    const wb = await readBack(await renderReportXlsx(model));
    const fields = fieldsOf(wb.getWorksheet("DDoS攻撃事案共通様式")!);
    expect(fields.get("最大通信量（Gbps）")).toBe("12.5");
  });
});
