import { describe, expect, it } from "vitest";
import { shippedBrandIndex } from "./brand-catalogue";
import { normaliseReportedUrl } from "./normalise-reported-url";
import { proposeVerdict } from "./propose-verdict";
import type { NormalisedUrl } from "./url-contracts";

function url(raw: string): NormalisedUrl {
  const result = normaliseReportedUrl(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error.code}`);
  return result.url;
}

const japanese = /[ぁ-んァ-ン一-龯]/;

describe("proposeVerdict", () => {
  it("calls every official domain of every shipped brand benign, with the brand", () => {
    for (const brand of shippedBrandIndex().catalogue.brands)
      for (const domain of brand.domains) {
        const hosting = shippedBrandIndex().freeHosting.has(domain);
        const proposal = proposeVerdict(url(`https://www.${domain}/login`));
        if (hosting) continue; // a provider's user-content domain is never "official"
        expect(proposal.verdict, domain).toBe("benign");
        expect(proposal.brand?.id, domain).toBe(brand.id);
      }
  });

  it("proposes phishing and the spoofed brand for look-alike hosts, with reasons in Japanese and English", () => {
    const cases: [string, string][] = [
      ["https://smbc-card-vpass.top/login", "smbc-card"],
      ["hxxps://amazon.co.jp.verify-account[.]xyz/", "amazon"],
      ["https://www.rakuten-bank.co.jp.secure-login.cn/", "rakuten-bank"],
      ["https://арple-id.com/", "apple"],
      ["https://arnazon-co-jp.com/signin", "amazon"],
      ["https://mercari-jp.shop/", "mercari"],
      ["https://jcb-myjcb-login.icu/", "jcb"],
    ];
    for (const [raw, brand] of cases) {
      const proposal = proposeVerdict(url(raw));
      expect(proposal.verdict, raw).toBe("phishing");
      expect(proposal.brand?.id, raw).toBe(brand);
      expect(proposal.brand!.confidence, raw).toBeGreaterThan(0.5);
      expect(proposal.reasons.length, raw).toBeGreaterThan(0);
      for (const r of proposal.reasons) {
        expect(r.ja, raw).toMatch(japanese);
        expect(r.en.length, raw).toBeGreaterThan(10);
      }
    }
  });

  it("explains an IP host with a brand in the path", () => {
    const proposal = proposeVerdict(url("http://3279880203/amazon/signin"));
    expect(proposal.verdict).toBe("phishing");
    expect(proposal.brand?.id).toBe("amazon");
    expect(proposal.reasons.map((r) => r.en).join(" ")).toMatch(/IP address \(195\.127\.0\.11\)/);
  });

  it("does not call a word that merely contains a brand name phishing", () => {
    expect(proposeVerdict(url("https://pineapple.example/")).verdict).toBe("unknown");
    expect(proposeVerdict(url("https://au.dk/")).verdict).not.toBe("phishing");
  });

  it("treats pages on shared hosting as not the brand's own, even on the brand's domain", () => {
    const proposal = proposeVerdict(url("https://smbc-direct-login.web.app/"));
    expect(proposal.verdict).toBe("phishing");
    expect(proposal.brand?.id).toBe("smbc");
    expect(proposeVerdict(url("https://docs.google.com/forms/d/x")).verdict).not.toBe("benign");
    // A Public Suffix List private suffix (dynamic DNS, shop builders) is shared hosting too.
    const shop = proposeVerdict(url("https://smbc-card.myshopify.com/"));
    expect(shop.brand?.id).toBe("smbc-card");
    expect(shop.reasons.map((r) => r.en).join(" ")).toMatch(
      /hosting service anyone can publish on \(myshopify\.com\)/,
    );
  });

  it("does not call a page shown through Google Translate Google's own, and reads the target from the query", () => {
    const proposal = proposeVerdict(
      url("https://translate.google.com/translate?sl=auto&tl=ja&u=https://eki-net-login.example/"),
    );
    expect(proposal.verdict).not.toBe("benign");
    expect(proposal.brand?.id).toBe("eki-net");
    expect(proposeVerdict(url("https://imikufpnjyug.example/jcbindex")).brand?.id).toBe("jcb");
  });

  it("leaves shorteners to the URL they lead to, and a random name unknown", () => {
    const short = proposeVerdict(url("https://bit.ly/3xYz"));
    expect(short.verdict).toBe("unknown");
    expect(short.reasons.map((r) => r.en).join(" ")).toMatch(/shortener/);
    const random = proposeVerdict(url("https://ybrjaouww.example/"));
    expect(random.verdict).toBe("unknown");
    expect(random.brand).toBeNull();
  });

  it("recognises support scams and fake shops from a capture", () => {
    const scam = proposeVerdict(url("https://alert-pc-help.example/"), {
      title: "Windows Defender セキュリティ警告",
      html: "<h1>お使いのPCはウイルスに感染しています</h1><p>サポートセンター 050-1234-5678 に電話してください</p>",
    });
    expect(scam.verdict).toBe("support_scam");
    expect(scam.reasons[0]!.ja).toMatch(/サポート詐欺/);
    const shop = proposeVerdict(url("https://brand-outlet-sale.example/"), {
      title: "公式通販 閉店セール",
      html: "<p>最大90%OFF 激安</p><button>カートに入れる</button><p>お支払いは銀行振込のみ</p>",
    });
    expect(shop.verdict).toBe("fake_shop");
  });

  it("takes the brand from a captured title when the URL has none", () => {
    const proposal = proposeVerdict(url("https://ybrjaouww.example/"), {
      title: "三井住友カード | Vpass ログイン",
    });
    expect(proposal.brand?.id).toBe("smbc-card");
  });
});
