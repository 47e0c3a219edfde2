import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createDdosReportFixture, createFullReportFixture } from "../../test/full-report-fixture";
import { createReportFixture, readFortiosKev } from "../../test/report-fixture";
import { buildCommonFormRows, diffFormRows } from "./common-form-rows";
import { renderReportXlsx } from "./render-report-xlsx";
import { parseReportPackage } from "./report-model";

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

  it("fills every ransomware form item the full incident knows, marks what changed in a follow-up", async () => {
    const model = createFullReportFixture();
    const wb = await readBack(await renderReportXlsx(model));
    const form = wb.getWorksheet("ランサムウェア事案共通様式")!;
    const fields = fieldsOf(form);
    expect(fields.get("報告番号")).toBe("INC-2026-0007-2");
    expect(fields.get("報告先")).toBe("埼玉県警察");
    expect(fields.get("第1報・続報・最終報")).toBe("続報（第2版）");
    expect(fields.get("国家サイバー統括室（NCO）への共有の同意")).toBe("あり");
    expect(fields.get("重要インフラサービスの維持レベルを下回ったか")).toBe("重要インフラ事業者ではない");
    expect(fields.get("被害届の提出または相談")).toBe("被害届の提出を希望");
    expect(fields.get("要求額")).toBe("2 BTC");
    expect(fields.get("支払期限")).toBe("2026-11-27");
    expect(fields.get("被害端末")).toMatch(
      /^計 21台（ファイルサーバ 1台、パソコン 19台、ドメインコントローラ 1台）。暗号化 20台/,
    );
    expect(fields.get("経緯（時系列）")).toContain("VPN装置に海外IPからのログイン成功");
    expect(fields.get("特徴（ハッシュ値・通信先IP・連絡先等）")).not.toContain("twitter.com");
    let marked = "";
    form.eachRow((row) => {
      if (row.getCell(4).value === "変更あり") marked += String(row.getCell(2).value);
    });
    expect(marked).toBe("要求額");
    expect(wb.getWorksheet("被害端末")!.rowCount).toBe(1 + 21);
    expect(wb.getWorksheet("前回報告からの変更点")!.getRow(2).getCell(3).value).toBe("2 BTC");
    expect(wb.getWorksheet("特徴（インディケータ）")!.rowCount).toBe(1 + model.indicators.length - 2);
  });

  it("fills the DDoS form from a DDoS incident (ATT&CK-aligned type, volume, duration, mitigation, impact)", async () => {
    const wb = await readBack(await renderReportXlsx(createDdosReportFixture()));
    expect(wb.getWorksheet("ランサムウェア事案共通様式")).toBeUndefined();
    const fields = fieldsOf(wb.getWorksheet("DDoS攻撃事案共通様式")!);
    expect(fields.get("攻撃の種類（MITRE ATT&CK T1498/T1499）")).toContain("T1498.002");
    expect(fields.get("最大通信量（Gbps）")).toBe("12.5");
    expect(fields.get("最大パケット数（pps）")).toBe("3200000");
    expect(fields.get("継続時間（分）")).toBe("185");
    expect(fields.get("緩和策（実施した対策）")).toContain("CDN");
    expect(fields.get("影響")).toContain("受注停止");
    expect(fields.get("被害届の提出または相談")).toBe("相談のみ");
  });

  it("diffs two sends by item, ignoring the report section that changes every time", () => {
    const first = parseReportPackage({
      ...createFullReportFixture(),
      ransom: { ...createFullReportFixture().ransom, amount: undefined },
    });
    const next = parseReportPackage(createFullReportFixture());
    const changes = diffFormRows(
      buildCommonFormRows(first, "ransomware"),
      buildCommonFormRows(next, "ransomware"),
    );
    expect(changes).toEqual([{ item: "ランサムウェア固有項目／要求額", before: "", after: "2 BTC" }]);
  });
});
