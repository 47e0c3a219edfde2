export * from "./audit-events";
export * from "./evidence";
export * from "./hub";
export * from "./incidents";
export * from "./organisations";
export * from "./plans";
export * from "./readiness";
export * from "./users";
