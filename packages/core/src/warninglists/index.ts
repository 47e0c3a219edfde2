export { embeddedIpv4, parseIpAddress } from "./cidr-ranges";
export { compileWarningLists, type WarningListIndex } from "./compile-warning-lists";
export { warningListDate } from "./list-date";
export { findWarningListMatches } from "./match-warning-list";
export { compileMispRegex } from "./misp-regex";
export {
  type LoadedWarningList,
  type TMispWarningList,
  type TWarningListManifest,
  type TWarningListMatch,
  ZMispWarningList,
  ZWarningListManifest,
  ZWarningListMatch,
} from "./warning-list-contracts";
