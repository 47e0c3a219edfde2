export * from "./business-function-contracts";
export * from "./drill-contracts";
export * from "./drill-scenario";
export * from "./plan-document-contracts";
