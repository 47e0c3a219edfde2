export * from "./first-response";
export * from "./triage-contracts";
