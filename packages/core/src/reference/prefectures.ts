/**
 * The 47 prefectures with their JIS X 0401 codes and prefectural police headquarters.
 * Derived from shared/data/japan/prefectures.csv (public facts).
 */
export const PREFECTURES = [
  { code: "01", nameJa: "北海道", nameEn: "Hokkaido", policeJa: "北海道警察" },
  { code: "02", nameJa: "青森県", nameEn: "Aomori", policeJa: "青森県警察" },
  { code: "03", nameJa: "岩手県", nameEn: "Iwate", policeJa: "岩手県警察" },
  { code: "04", nameJa: "宮城県", nameEn: "Miyagi", policeJa: "宮城県警察" },
  { code: "05", nameJa: "秋田県", nameEn: "Akita", policeJa: "秋田県警察" },
  { code: "06", nameJa: "山形県", nameEn: "Yamagata", policeJa: "山形県警察" },
  { code: "07", nameJa: "福島県", nameEn: "Fukushima", policeJa: "福島県警察" },
  { code: "08", nameJa: "茨城県", nameEn: "Ibaraki", policeJa: "茨城県警察" },
  { code: "09", nameJa: "栃木県", nameEn: "Tochigi", policeJa: "栃木県警察" },
  { code: "10", nameJa: "群馬県", nameEn: "Gunma", policeJa: "群馬県警察" },
  { code: "11", nameJa: "埼玉県", nameEn: "Saitama", policeJa: "埼玉県警察" },
  { code: "12", nameJa: "千葉県", nameEn: "Chiba", policeJa: "千葉県警察" },
  { code: "13", nameJa: "東京都", nameEn: "Tokyo", policeJa: "警視庁" },
  { code: "14", nameJa: "神奈川県", nameEn: "Kanagawa", policeJa: "神奈川県警察" },
  { code: "15", nameJa: "新潟県", nameEn: "Niigata", policeJa: "新潟県警察" },
  { code: "16", nameJa: "富山県", nameEn: "Toyama", policeJa: "富山県警察" },
  { code: "17", nameJa: "石川県", nameEn: "Ishikawa", policeJa: "石川県警察" },
  { code: "18", nameJa: "福井県", nameEn: "Fukui", policeJa: "福井県警察" },
  { code: "19", nameJa: "山梨県", nameEn: "Yamanashi", policeJa: "山梨県警察" },
  { code: "20", nameJa: "長野県", nameEn: "Nagano", policeJa: "長野県警察" },
  { code: "21", nameJa: "岐阜県", nameEn: "Gifu", policeJa: "岐阜県警察" },
  { code: "22", nameJa: "静岡県", nameEn: "Shizuoka", policeJa: "静岡県警察" },
  { code: "23", nameJa: "愛知県", nameEn: "Aichi", policeJa: "愛知県警察" },
  { code: "24", nameJa: "三重県", nameEn: "Mie", policeJa: "三重県警察" },
  { code: "25", nameJa: "滋賀県", nameEn: "Shiga", policeJa: "滋賀県警察" },
  { code: "26", nameJa: "京都府", nameEn: "Kyoto", policeJa: "京都府警察" },
  { code: "27", nameJa: "大阪府", nameEn: "Osaka", policeJa: "大阪府警察" },
  { code: "28", nameJa: "兵庫県", nameEn: "Hyogo", policeJa: "兵庫県警察" },
  { code: "29", nameJa: "奈良県", nameEn: "Nara", policeJa: "奈良県警察" },
  { code: "30", nameJa: "和歌山県", nameEn: "Wakayama", policeJa: "和歌山県警察" },
  { code: "31", nameJa: "鳥取県", nameEn: "Tottori", policeJa: "鳥取県警察" },
  { code: "32", nameJa: "島根県", nameEn: "Shimane", policeJa: "島根県警察" },
  { code: "33", nameJa: "岡山県", nameEn: "Okayama", policeJa: "岡山県警察" },
  { code: "34", nameJa: "広島県", nameEn: "Hiroshima", policeJa: "広島県警察" },
  { code: "35", nameJa: "山口県", nameEn: "Yamaguchi", policeJa: "山口県警察" },
  { code: "36", nameJa: "徳島県", nameEn: "Tokushima", policeJa: "徳島県警察" },
  { code: "37", nameJa: "香川県", nameEn: "Kagawa", policeJa: "香川県警察" },
  { code: "38", nameJa: "愛媛県", nameEn: "Ehime", policeJa: "愛媛県警察" },
  { code: "39", nameJa: "高知県", nameEn: "Kochi", policeJa: "高知県警察" },
  { code: "40", nameJa: "福岡県", nameEn: "Fukuoka", policeJa: "福岡県警察" },
  { code: "41", nameJa: "佐賀県", nameEn: "Saga", policeJa: "佐賀県警察" },
  { code: "42", nameJa: "長崎県", nameEn: "Nagasaki", policeJa: "長崎県警察" },
  { code: "43", nameJa: "熊本県", nameEn: "Kumamoto", policeJa: "熊本県警察" },
  { code: "44", nameJa: "大分県", nameEn: "Oita", policeJa: "大分県警察" },
  { code: "45", nameJa: "宮崎県", nameEn: "Miyazaki", policeJa: "宮崎県警察" },
  { code: "46", nameJa: "鹿児島県", nameEn: "Kagoshima", policeJa: "鹿児島県警察" },
  { code: "47", nameJa: "沖縄県", nameEn: "Okinawa", policeJa: "沖縄県警察" },
] as const;

export type PrefectureCode = (typeof PREFECTURES)[number]["code"];

export const PREFECTURE_CODES = PREFECTURES.map((p) => p.code) as [PrefectureCode, ...PrefectureCode[]];

/** Returns the prefecture for a JIS X 0401 code, or undefined. */
export function findPrefecture(code: string) {
  return PREFECTURES.find((p) => p.code === code);
}
