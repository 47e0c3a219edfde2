export { type CanonicalUrl, canonicaliseUrl } from "./canonicalise-url";
export { analyseHostScripts, confusableSkeleton, isMixedScriptLabel } from "./idn-analysis";
export { MAX_URL_INPUT, type NormaliseOptions, normaliseReportedUrl } from "./normalise-reported-url";
export { proposeVerdict } from "./propose-verdict";
export { shippedWarningListIndex } from "./shipped-warning-lists";
export type {
  LocalisedText,
  NormalisedUrl,
  NormaliseErrorCode,
  NormaliseResult,
  UrlFlag,
  Verdict,
  VerdictProposal,
} from "./url-contracts";
