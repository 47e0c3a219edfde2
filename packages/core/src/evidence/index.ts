export * from "./evidence-contracts";
