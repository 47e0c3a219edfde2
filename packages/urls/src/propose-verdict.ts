import { domainToUnicode } from "node:url";
import type { LocalisedText } from "@sonae/core";
import { getPublicSuffix, parse as parseDomain } from "tldts";
import {
  type BrandIndex,
  compactText,
  findHostingSuffix,
  findOfficialBrand,
  shippedBrandIndex,
} from "./brand-catalogue";
import {
  type BrandEvidence,
  findHostBrandEvidence,
  findPathBrandEvidence,
  findTitleBrandEvidence,
  isStrongHostEvidence,
  pickBrand,
} from "./brand-evidence";
import { findCaptureSignals } from "./capture-signals";
import type { NormalisedUrl, VerdictProposal } from "./url-contracts";

/** Shipped lists of popular domains: being on one lowers suspicion, never clears a brand look-alike alone. */
const POPULAR_LISTS = new Set(["tranco10k", "cloudflare-top10k"]);

/** Score at or above which a URL with a spoofed brand is proposed as phishing; without a brand, one more. */
const PHISHING_WITH_BRAND = 3;
const PHISHING_WITHOUT_BRAND = 4;

const CONFIDENCE: Record<BrandEvidence["kind"], number> = {
  host: 0.8,
  host_confusable: 0.75,
  title: 0.7,
  host_inside_word: 0.5,
  path: 0.4,
};

export interface VerdictOptions {
  brands?: BrandIndex;
}

type Capture = { title?: string; html?: string };

function brandOf(e: BrandEvidence, confidence: number): VerdictProposal["brand"] {
  return { id: e.brand.id, name: e.brand.name, confidence: Math.round(confidence * 100) / 100 };
}

/**
 * The Public Suffix List's private section names namespaces where anyone gets a name (dynamic DNS, site
 * builders, cloud apps: ddns.net, myshopify.com, s3.amazonaws.com): treated like the catalogue's hosting list.
 */
function privateSuffix(host: string): string | null {
  const parsed = parseDomain(host, { allowPrivateDomains: true });
  return parsed.isPrivate && parsed.publicSuffix && parsed.publicSuffix !== host ? parsed.publicSuffix : null;
}

/** The part of the host the registrant chose: without the public suffix, or without the hosting provider's suffix. */
function attackerChosenPart(url: NormalisedUrl, hosting: string | null): string {
  if (hosting) return url.host.slice(0, -(hosting.length + 1));
  const suffix = getPublicSuffix(url.host, { allowPrivateDomains: true });
  return suffix && url.host.endsWith(`.${suffix}`) ? url.host.slice(0, -(suffix.length + 1)) : url.host;
}

/**
 * The assistant's proposal for an officer: verdict, spoofed brand and the reasons, from the URL (and a
 * capture when one was made). Offline and rule-based so that every point can be explained: each rule that
 * fires adds to a score and one reason. It proposes; the officer decides.
 */
export function proposeVerdict(
  url: NormalisedUrl,
  capture?: Capture,
  options: VerdictOptions = {},
): VerdictProposal {
  const index = options.brands ?? shippedBrandIndex();
  const reasons: LocalisedText[] = [];
  const hosting = url.ip ? null : (findHostingSuffix(index, url.host) ?? privateSuffix(url.host));

  const official = url.ip || hosting ? null : findOfficialBrand(index, url.host);
  if (official)
    return {
      verdict: "benign",
      brand: { id: official.brand.id, name: official.brand.name, confidence: 0.99 },
      reasons: [
        {
          ja: `${official.domain} は「${official.brand.name.ja}」が公式に使うドメインです。`,
          en: `${official.domain} is an official domain of ${official.brand.name.en}.`,
        },
      ],
    };

  let score = 0;
  const add = (points: number, reason: LocalisedText) => {
    score += points;
    reasons.push(reason);
  };

  // --- Brand ---
  const subject = url.ip ? "" : attackerChosenPart(url, hosting);
  const subjectUnicode = url.flags.includes("idn") ? domainToUnicode(subject) || subject : subject;
  const hostEvidence = subject ? findHostBrandEvidence(index, subject, subjectUnicode) : [];
  // Path and query: proxies put the real target there (translate.google.com/translate?u=…).
  const pathAndQuery = url.canonical.slice(url.scheme.length + 3 + url.host.length);
  const pathEvidence = hostEvidence.length ? [] : findPathBrandEvidence(index, pathAndQuery);
  const titleEvidence = capture?.title ? findTitleBrandEvidence(index, capture.title) : [];
  const best = pickBrand([...hostEvidence, ...pathEvidence, ...titleEvidence]);
  const where = url.registrableDomain ?? url.host;
  if (best) {
    const name = best.brand.name;
    const registrableLabel = url.registrableDomain?.split(".")[0] ?? "";
    const tld = url.host.slice(url.host.lastIndexOf(".") + 1);
    const exactNameElsewhere =
      best.kind === "host" &&
      !hosting &&
      compactText(registrableLabel) === best.word &&
      !index.suspiciousTlds.has(tld);
    if (exactNameElsewhere)
      // amazon.ca, google.se: a brand's country sites look exactly like this, so this alone is not enough.
      add(2, {
        ja: `ドメイン ${url.registrableDomain} は「${name.ja}」の名前そのものですが、登録済みの公式ドメインではありません（海外の公式サイトの可能性もあります）。`,
        en: `${url.registrableDomain} is the bare name of ${name.en} but not one of its listed domains (it may be a country site).`,
      });
    else if (best.kind === "host")
      add(3, {
        ja: `「${name.ja}」を示す語「${best.word}」が、公式ではないホスト名 ${url.hostUnicode} に含まれています。`,
        en: `The word "${best.word}" for ${name.en} is in a host name that is not theirs: ${url.hostUnicode}.`,
      });
    else if (best.kind === "host_confusable")
      add(3, {
        ja: `ホスト名 ${url.hostUnicode} は「${best.word}」（${name.ja}）を似た文字で綴っています。`,
        en: `The host ${url.hostUnicode} spells "${best.word}" (${name.en}) with look-alike characters.`,
      });
    else if (best.kind === "host_inside_word")
      add(1, {
        ja: `ホスト名の単語の中に「${best.word}」（${name.ja}）が含まれています（偶然の一致もあり得ます）。`,
        en: `"${best.word}" (${name.en}) appears inside a word of the host name (could be a coincidence).`,
      });
    else if (best.kind === "title")
      add(2, {
        ja: `ページのタイトルが「${name.ja}」を名乗っていますが、ドメイン ${where} は公式ではありません。`,
        en: `The page title names ${name.en}, but ${where} is not one of its domains.`,
      });
    else
      add(1, {
        ja: `URLのパスに「${best.word}」（${name.ja}）が含まれています。`,
        en: `The URL path contains "${best.word}" (${name.en}).`,
      });
  }

  // --- Host shape ---
  if (url.ip)
    add(2, {
      ja: `ドメイン名ではなくIPアドレス（${url.ip}）で開かせるURLです。`,
      en: `The URL uses an IP address (${url.ip}) instead of a domain name.`,
    });
  if (url.flags.includes("userinfo"))
    add(2, {
      ja: "「@」の前に別のサイト名を置いて、本当の接続先を隠す形のURLです。",
      en: 'The URL puts another name before "@" to hide where it really goes.',
    });
  if (url.flags.includes("confusable") || url.flags.includes("mixed_script"))
    add(2, {
      ja: `国際化ドメイン名 ${url.hostUnicode}（${url.host}）が、異なる文字体系や紛らわしい文字を混ぜています。`,
      en: `The internationalised name ${url.hostUnicode} (${url.host}) mixes scripts or look-alike characters.`,
    });
  else if (url.flags.includes("idn"))
    add(1, {
      ja: `国際化ドメイン名（表示 ${url.hostUnicode}、実体 ${url.host}）です。`,
      en: `Internationalised domain name (shown ${url.hostUnicode}, actually ${url.host}).`,
    });
  const tld = url.host.slice(url.host.lastIndexOf(".") + 1);
  if (!url.ip && index.suspiciousTlds.has(tld))
    add(1, {
      ja: `トップレベルドメイン .${tld} は、安価でフィッシングに多用される種類です。`,
      en: `The top-level domain .${tld} is cheap and often used for phishing.`,
    });
  const subdomainDepth =
    url.registrableDomain && url.host !== url.registrableDomain
      ? url.host.slice(0, -(url.registrableDomain.length + 1)).split(".").length
      : 0;
  if (subdomainDepth >= 3)
    add(1, {
      ja: `サブドメインが${subdomainDepth}段重なっています（本物らしい名前を左側に並べる手口）。`,
      en: `${subdomainDepth} levels of subdomains (a way to put a genuine-looking name on the left).`,
    });
  if (hosting)
    add(1, {
      ja: `誰でもページを作れるホスティング（${hosting}）上のURLです。`,
      en: `The page is on a hosting service anyone can publish on (${hosting}).`,
    });
  if (url.flags.includes("nonstandard_port"))
    add(1, { ja: "標準以外のポート番号を使っています。", en: "The URL uses a non-standard port." });
  const words = `${subject} ${url.path}`.toLowerCase();
  const credential = index.credentialWords.find((w) => words.includes(w));
  if (credential)
    add(1, {
      ja: `ログインや本人確認を促す語「${credential}」が含まれています。`,
      en: `It contains "${credential}", a word used to ask for a login or verification.`,
    });

  // --- Context from warning lists ---
  const popular = !hosting && url.context.some((c) => POPULAR_LISTS.has(c.listId));
  if (popular)
    add(-3, {
      ja: "よく使われるドメインの一覧（警告リスト）に載っています。乗っ取りや偶然の一致でない限り正規の可能性が高いです。",
      en: "The domain is on a popular-domains warning list: likely legitimate unless compromised.",
    });
  const redirector = url.flags.includes("shortener") || url.flags.includes("link_in_bio");
  if (redirector)
    reasons.push({
      ja: "短縮URLまたはリンク集サービスです。判定は転送先のURLで行ってください。",
      en: "A URL shortener or link-in-bio page: judge the URL it leads to.",
    });

  const brandConfidence = best ? Math.min(0.95, CONFIDENCE[best.kind] + (score >= 5 ? 0.1 : 0)) : 0;
  const brand =
    best && (isStrongHostEvidence(best) || score >= PHISHING_WITH_BRAND)
      ? brandOf(best, brandConfidence)
      : best
        ? brandOf(best, brandConfidence / 2)
        : null;

  // --- Capture: support scams and fake shops are told by their content, not their URL ---
  if (capture) {
    const signals = findCaptureSignals(capture);
    if (signals.supportScam.length >= 2)
      return {
        verdict: "support_scam",
        brand,
        reasons: [
          {
            ja: `ページの内容がサポート詐欺の特徴を示しています：${signals.supportScam.map((s) => s.ja).join("、")}。`,
            en: `The page shows signs of a tech-support scam: ${signals.supportScam.map((s) => s.en).join(", ")}.`,
          },
          ...reasons,
        ],
      };
    if (signals.fakeShop.length >= 3 && !(best && score >= PHISHING_WITH_BRAND && best.kind !== "title"))
      return {
        verdict: "fake_shop",
        brand,
        reasons: [
          {
            ja: `ページの内容が偽通販サイトの特徴を示しています：${signals.fakeShop.map((s) => s.ja).join("、")}。`,
            en: `The page shows signs of a fake online shop: ${signals.fakeShop.map((s) => s.en).join(", ")}.`,
          },
          ...reasons,
        ],
      };
  }

  if (redirector) return { verdict: "unknown", brand, reasons };
  // Weak brand evidence (a word inside a word, a path segment) needs as much else as no brand at all.
  const strongBrand = best !== null && best.kind !== "host_inside_word" && best.kind !== "path";
  if ((strongBrand && score >= PHISHING_WITH_BRAND) || score >= PHISHING_WITHOUT_BRAND)
    return { verdict: "phishing", brand, reasons };
  if (popular && score <= 0) return { verdict: "benign", brand, reasons };
  if (!reasons.length)
    reasons.push({
      ja: "URLだけでは判断できる特徴が見つかりません。ページの取得結果で確認してください。",
      en: "Nothing in the URL alone points either way; check a capture of the page.",
    });
  return { verdict: "unknown", brand, reasons };
}
