/**
 * @sonae/collector: the collector kit (issue 14). A preconfigured single executable (Node SEA) that
 * collects the targets of content/collect on the victim's machine into a bundle signed by its own key.
 */
export { type BuiltKit, buildKit, bundleKitScript } from "./build/build-kit";
export { KIT_NODE_VERSION, type KitPlatform, resolveNodeBinary } from "./build/node-binaries";
export { type CollectionResult, runCollection } from "./collect/run-collection";
export type { TargetOutcome, TargetProblem } from "./collect/run-target";
export {
  decryptBundle,
  ENCRYPTED_MAGIC,
  encryptBundle,
  fingerprintX25519,
  generateOrganisationKey,
} from "./crypto/bundle-encryption";
export { issueKitConfig, type KitRequest } from "./kit/issue-kit";
export { type KitConfig, ZKitConfig } from "./kit/kit-config";
export { KitUploadError, type KitUploadResult, uploadBundleToServer } from "./kit/kit-upload";
export {
  isAllowedUploadUrl,
  KIT_UPLOAD_CHUNK_BYTES,
  KIT_UPLOAD_CLOCK_SKEW_MS,
  KIT_UPLOAD_HEADERS,
  sha256Hex,
  signKitUpload,
  verifyKitUpload,
} from "./kit/upload-signature";
export { loadCollectionTargets } from "./targets/load-targets";
export type { CollectionTarget } from "./targets/target-schema";
