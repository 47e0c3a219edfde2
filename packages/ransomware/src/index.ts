/** @sonae/ransomware: identify a ransomware family and give decryptor/police guidance. */
export { createIdentifyCommand, runIdentify } from "./cli/identify-command";
export { type TIdentifyRequestBody, toIdentifyInput, ZIdentifyRequestBody } from "./http/identify-request";
export {
  createIdentifier,
  getDefaultIdentifier,
  IDENTIFIED_THRESHOLD,
  type Identifier,
  identifyRansomware,
} from "./identify/identify-ransomware";
export {
  type TIdentificationRecord,
  toIdentificationRecord,
  ZIdentificationRecord,
} from "./identify/incident-record";
export {
  type TKbDecryptor,
  type TKbFamily,
  type TKnowledgeBase,
  ZKnowledgeBase,
} from "./kb/kb-schema";
export { KB_DIR, loadKnowledgeBase } from "./kb/load-kb";
export {
  type TCandidate,
  type TEvidence,
  type TGuidance,
  type TIdentifyInput,
  type TIdentifyResult,
  ZIdentifyInput,
  ZIdentifyResult,
} from "./result-schema";
export { decodeNote, MAX_NOTE_BYTES } from "./text/decode-note";
export { defangArtefact } from "./text/extract-artefacts";
