export { createTriageCommand } from "./cli/triage-command";
export { DETECTION_CATALOGUE_FILE, detectionCatalogue } from "./detections/detection-catalogue";
export type { DetectionContext, DetectionRule } from "./detections/detection-helpers";
export { type EventFindings, indexFindingsByEvent } from "./detections/finding-index";
export { mergeFindings } from "./detections/merge-findings";
export { BUILTIN_RULES, runBuiltinDetections, sortDetections } from "./detections/run-detections";
export { type EventFields, extractEventFields } from "./evtx/evtx-fields";
export { parseEvtxChunks, parseEvtxFile, readEvtxFileHeader } from "./evtx/evtx-file-parser";
export type {
  EvtxFileHeader,
  EvtxProblem,
  EvtxRecord,
  ParseEvtxOptions,
  XmlElement,
} from "./evtx/evtx-types";
export { renderEventXml } from "./evtx/evtx-xml-render";
export { isPublicIp } from "./geo/ip-address";
export { type CountryLookup, DBIP_ATTRIBUTION, openCountryLookup } from "./geo/ip-country";
export { type CollectedInputs, collectInputs, type TriageFile } from "./input/collect-inputs";
export type { ZipLimits } from "./input/zip-limits";
export { type StreamedTriage, streamTriage } from "./pipeline/stream-triage";
export {
  builtinDetector,
  perEventDetector,
  type StreamingDetector,
  type TimelineDetector,
} from "./pipeline/streaming-detectors";
export { matchSigmaRules, runSigmaRules, sigmaAttribution } from "./sigma/run-sigma-rules";
export { compileSigmaRule, loadSigmaRules, type SigmaEventView, type SigmaRule } from "./sigma/sigma-rule";
export {
  describeSigmaRuleSet,
  loadSigmaRuleSet,
  readSigmaRuleSet,
  SHIPPED_SIGMA_DIR,
  type SigmaRuleSet,
  type SigmaRunSummary,
  type SigmaSelection,
  type SkippedSigmaRule,
  sigmaRuleLink,
  summariseSigmaRuleSet,
  summariseSkipped,
} from "./sigma/sigma-rule-set";
export { matchSigmaRulesByScan } from "./sigma/sigma-scan-matcher";
export { isRuleApplicable, isRuleSupported, toSigmaView } from "./sigma/sigma-windows-mapping";
export { type ParsedLogEntry, parseTextLog, parseTextLogLine } from "./textlog/parse-text-log";
export type { ParsedLogLine, TextLogFormat, TextLogOptions } from "./textlog/text-log-types";
export {
  type BuildTimelineOptions,
  buildTimeline,
  streamBuildTimeline,
  type TriageProgress,
  triageFiles,
} from "./timeline/build-timeline";
export { formatJst } from "./timeline/format-jst";
export { queryTimeline, type TTimelineQuery, ZTimelineQuery } from "./timeline/query-timeline";
export * from "./timeline/timeline-event";
export { toCsvCell, writeTimelineCsv, writeTimelineJsonl } from "./timeline/write-timeline";
export { runTriageInChild, type TriageChildOptions } from "./worker/run-triage-child";
export type {
  TriageChildDone,
  TriageChildProgress,
  TriageChildRequest,
} from "./worker/triage-child-protocol";
