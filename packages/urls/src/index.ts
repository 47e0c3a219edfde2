export {
  type BrandIndex,
  compileBrandCatalogue,
  loadBrandCatalogue,
  shippedBrandIndex,
  type TBrand,
  type TBrandCatalogue,
  ZBrandCatalogue,
} from "./brand-catalogue";
export { type CanonicalUrl, canonicaliseUrl } from "./canonicalise-url";
export { analyseHostScripts, confusableSkeleton, isMixedScriptLabel } from "./idn-analysis";
export { MAX_URL_INPUT, type NormaliseOptions, normaliseReportedUrl } from "./normalise-reported-url";
export type { VerdictOptions } from "./propose-verdict";
export { proposeVerdict } from "./propose-verdict";
export { compileShippedWarningLists, shippedWarningListIndex } from "./shipped-warning-lists";
export type {
  LocalisedText,
  NormalisedUrl,
  NormaliseErrorCode,
  NormaliseResult,
  UrlFlag,
  Verdict,
  VerdictProposal,
} from "./url-contracts";
