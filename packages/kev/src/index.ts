export { compileAliasTable, KEV_CONTENT_DIR, loadShippedAliasTable } from "./alias-table";
export {
  fetchKevCatalog,
  getDefaultKevDataDir,
  importKevCatalog,
  KEV_OFFICIAL_URL,
  type KevCatalogInfo,
  listKevCatalogs,
  loadKevCatalog,
  loadShippedKevCatalog,
} from "./catalog-store";
export { parseKevCatalog } from "./catalog-validate";
export { matchDevice } from "./device-matcher";
export { createKevCommand } from "./kev-command";
export { KevError, type KevErrorCode } from "./kev-error";
export * from "./kev-types";
export { normaliseText, normaliseVendorName } from "./normalise-name";
export { compareVersions, parseVersion } from "./version-compare";
export { judgeVersion, parseVersionStatements, type VersionStatement } from "./version-statements";
