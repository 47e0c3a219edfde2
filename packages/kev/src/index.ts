export { compileAliasTable, KEV_CONTENT_DIR, loadShippedAliasTable } from "./alias-table";
export {
  fetchKevCatalog,
  getDefaultKevDataDir,
  importKevCatalog,
  importKevCatalogBytes,
  KEV_OFFICIAL_URL,
  type KevCatalogInfo,
  listKevCatalogs,
  loadKevCatalog,
  loadShippedKevCatalog,
} from "./catalog-store";
export { decodeCatalogBytes, parseKevCatalog } from "./catalog-validate";
export { describeWeaknesses, loadCweLabels } from "./cwe-labels";
export { compareMatches, matchDevice } from "./device-matcher";
export { createKevCommand } from "./kev-command";
export { KevError, type KevErrorCode } from "./kev-error";
export { listKevSuggestions } from "./kev-suggestions";
export * from "./kev-types";
export { normaliseText, normaliseVendorName } from "./normalise-name";
export { buildKevRanges, type KevRanges, loadKevRanges, loadShippedKevRanges } from "./ranges/kev-ranges";
export { fetchNvdKevRanges, NVD_API_URL, type NvdFetchOptions, nvdDelayMs } from "./ranges/nvd-fetch";
export {
  importNvdRanges,
  listNvdRanges,
  loadShippedNvdRanges,
  type NvdRangeInfo,
  storeNvdRanges,
} from "./ranges/nvd-range-store";
export { NVD_NOTICE, type NvdRangeFile, type NvdRangeRecord } from "./ranges/nvd-range-types";
export { NVD_FILE_MAX_BYTES, parseNvdRangeText, rangeFileFromNvdApi } from "./ranges/nvd-range-validate";
export {
  cleanDeviceVersion,
  compareSegments,
  readDeviceVersion,
  VERSION_SCHEMES,
} from "./ranges/version-schemes";
