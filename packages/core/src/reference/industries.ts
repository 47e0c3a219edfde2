/**
 * 日本標準産業分類（第14回改定, 2023）の大分類. Codes are the official letters A–T.
 */
export const INDUSTRIES = [
  { code: "A", nameJa: "農業，林業", nameEn: "Agriculture and forestry" },
  { code: "B", nameJa: "漁業", nameEn: "Fisheries" },
  { code: "C", nameJa: "鉱業，採石業，砂利採取業", nameEn: "Mining and quarrying of stone and gravel" },
  { code: "D", nameJa: "建設業", nameEn: "Construction" },
  { code: "E", nameJa: "製造業", nameEn: "Manufacturing" },
  { code: "F", nameJa: "電気・ガス・熱供給・水道業", nameEn: "Electricity, gas, heat supply and water" },
  { code: "G", nameJa: "情報通信業", nameEn: "Information and communications" },
  { code: "H", nameJa: "運輸業，郵便業", nameEn: "Transport and postal activities" },
  { code: "I", nameJa: "卸売業，小売業", nameEn: "Wholesale and retail trade" },
  { code: "J", nameJa: "金融業，保険業", nameEn: "Finance and insurance" },
  { code: "K", nameJa: "不動産業，物品賃貸業", nameEn: "Real estate and goods rental and leasing" },
  {
    code: "L",
    nameJa: "学術研究，専門・技術サービス業",
    nameEn: "Scientific research, professional and technical services",
  },
  { code: "M", nameJa: "宿泊業，飲食サービス業", nameEn: "Accommodations, eating and drinking services" },
  {
    code: "N",
    nameJa: "生活関連サービス業，娯楽業",
    nameEn: "Living-related and personal services and amusement services",
  },
  { code: "O", nameJa: "教育，学習支援業", nameEn: "Education, learning support" },
  { code: "P", nameJa: "医療，福祉", nameEn: "Medical, health care and welfare" },
  { code: "Q", nameJa: "複合サービス事業", nameEn: "Compound services" },
  { code: "R", nameJa: "サービス業（他に分類されないもの）", nameEn: "Services, n.e.c." },
  {
    code: "S",
    nameJa: "公務（他に分類されるものを除く）",
    nameEn: "Government, except elsewhere classified",
  },
  { code: "T", nameJa: "分類不能の産業", nameEn: "Industries unable to classify" },
] as const;

export type IndustryCode = (typeof INDUSTRIES)[number]["code"];

export const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [IndustryCode, ...IndustryCode[]];
