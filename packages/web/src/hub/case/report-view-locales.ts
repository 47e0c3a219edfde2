/**
 * Texts of the hub case page's report view that the report package's own labels do not cover
 * (namespace "hubReport"); the package's fields use REPORT_LABELS from @sonae/documents.
 */
export const hubReportJa = {
  publicForm: "一般フォームの内容",
  formFields: {
    kind: "種別",
    prefectureCode: "都道府県コード",
    name: "氏名",
    contact: "連絡先",
    title: "件名",
    description: "内容",
    occurredAt: "発生日時",
  },
  raw: "受信データ（JSON）をすべて表示",
};

export const hubReportEn: typeof hubReportJa = {
  publicForm: "Public form",
  formFields: {
    kind: "Kind",
    prefectureCode: "Prefecture code",
    name: "Name",
    contact: "Contact",
    title: "Title",
    description: "Description",
    occurredAt: "When it happened",
  },
  raw: "Show all received data (JSON)",
};
