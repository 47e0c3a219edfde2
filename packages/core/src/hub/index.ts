export * from "./canonical-json";
export * from "./hub-case-contracts";
export * from "./hub-contracts";
export * from "./hub-insights-contracts";
export * from "./hub-intake-contracts";
export * from "./hub-queue-contracts";
export * from "./hub-sla";
export * from "./proof-of-work";
