export * from "./checklist-contracts";
export * from "./compute-deadlines";
export * from "./deadline-contracts";
export * from "./demand-contracts";
export * from "./incident-contracts";
export * from "./incident-detail";
export * from "./indicator-contracts";
