/** Most of a captured page that is read (characters); the rest is ignored. */
export const MAX_CAPTURE_TEXT = 256 * 1024;

/**
 * Visible-ish text of an HTML capture: tags dropped with a single scan (a /<[^>]*>/ regex rescans from every
 * "<" of an unclosed run, quadratic on "<<<<…"), script and style bodies kept — good enough for keywords.
 */
export function captureText(html: string): string {
  const source = html.slice(0, MAX_CAPTURE_TEXT);
  let out = "";
  let inTag = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (!inTag && c === "<") {
      out += `${source.slice(from, i)} `;
      inTag = true;
    } else if (inTag && c === ">") {
      inTag = false;
      from = i + 1;
    }
  }
  if (!inTag) out += source.slice(from);
  return out.normalize("NFKC");
}

interface SignalGroup {
  /** The group counts once however many of its patterns match. */
  patterns: RegExp[];
  ja: string;
  en: string;
}

// Fixed words and short bounded classes only: linear, checked with 100 KB runs in the regex test.
const SUPPORT_SCAM: SignalGroup[] = [
  {
    patterns: [/ウイルス|ウィルス|トロイの木馬|マルウェア|virus|trojan|malware/i],
    ja: "ウイルス感染をうたう文言",
    en: "claims of a virus infection",
  },
  {
    patterns: [/感染|検出されました|ロックされ|infected|detected|has been (?:locked|blocked)/i],
    ja: "端末が感染・ロックされたという警告",
    en: "a warning that the device is infected or locked",
  },
  {
    patterns: [/(?:0120|0800|050)[- ]?\d{2,4}[- ]?\d{3,4}|\+1[- ]?8\d\d[- ]?\d{3}[- ]?\d{4}/],
    ja: "電話をかけさせる番号",
    en: "a phone number to call",
  },
  {
    patterns: [
      /サポート(?:センター|窓口)|テクニカルサポート|tech(?:nical)? support|Windows ?Defender|Microsoft ?サポート/i,
    ],
    ja: "サポート窓口を名乗る文言",
    en: "text posing as a support desk",
  },
];

const FAKE_SHOP: SignalGroup[] = [
  {
    patterns: [/激安|格安|大特価|閉店セール|在庫一掃|最大\d{1,2}% ?(?:OFF|オフ)|\d{2}% ?(?:OFF|オフ)/i],
    ja: "極端な値引きの表示",
    en: "extreme discount claims",
  },
  {
    patterns: [/銀行振込(?:のみ)?|お振込み|代金引換不可|bank transfer only/i],
    ja: "銀行振込による前払い",
    en: "payment by bank transfer in advance",
  },
  {
    patterns: [/カートに(?:入れる|追加)|add to cart|ショッピングカート/i],
    ja: "通販サイトの買い物かご",
    en: "an online-shop cart",
  },
  {
    patterns: [/送料無料|正規品|公式通販|在庫限り/],
    ja: "送料無料・正規品などの販売文句",
    en: "shop claims such as free shipping or genuine goods",
  },
];

export interface CaptureSignals {
  supportScam: { ja: string; en: string }[];
  fakeShop: { ja: string; en: string }[];
}

/** Which support-scam and fake-shop signal groups a captured page shows. */
export function findCaptureSignals(capture: { title?: string; html?: string }): CaptureSignals {
  const text = `${(capture.title ?? "").slice(0, 1024).normalize("NFKC")} ${captureText(capture.html ?? "")}`;
  const hits = (groups: SignalGroup[]) =>
    groups.filter((g) => g.patterns.some((p) => p.test(text))).map(({ ja, en }) => ({ ja, en }));
  return { supportScam: hits(SUPPORT_SCAM), fakeShop: hits(FAKE_SHOP) };
}
