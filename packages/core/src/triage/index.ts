export * from "./triage-contracts";
