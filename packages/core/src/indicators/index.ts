export {
  BASE58_ALPHABET,
  decodeBase58,
  isValidBase58Btc,
  isValidBech32Btc,
  isValidBtcAddress,
  isValidEthAddress,
  isValidXmrAddress,
} from "./crypto-address";
export { extractIndicators, type Indicator } from "./extract-indicators";
export {
  INDICATOR_KINDS,
  type TIndicatorKind,
  type TIndicatorOffset,
  ZIndicatorKind,
  ZIndicatorOffset,
} from "./indicator-kinds";
export { type TIndicator, type TIndicatorInput, ZIndicator, ZIndicatorInput } from "./indicator-schema";
export { keccak256, sha3_256 } from "./keccak";
export {
  formatIpv6,
  hasKnownTld,
  isValidDomain,
  isValidOnion,
  parseIpv4,
  parseIpv6,
} from "./network-address";
export { normaliseIndicator, splitUrl, validateIndicator } from "./normalise-indicator";
export { refangText, refangValue } from "./refang";
export { sha256 } from "./sha256";
export { isValidToxId } from "./tox-id";
