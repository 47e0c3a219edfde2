import { describe, expect, it } from "vitest";
import {
  checkLogRegister,
  checkLogSource,
  isLogRegisterOffDevice,
  type LogSourceFacts,
} from "./log-sources-checks";

const good: LogSourceFacts = {
  kind: "vpn",
  retentionDays: 365,
  storage: "forwarded",
  protectedFromDeletion: true,
  clockSynchronised: true,
};
const codes = (w: { code: string }[]) => w.map((x) => x.code).sort();

describe("checkLogSource", () => {
  it("has nothing to say about a forwarded, protected, synchronised source kept a year", () => {
    expect(checkLogSource(good)).toEqual([]);
  });

  it("warns that memory-only logs vanish on power-off and that nothing is off the device", () => {
    const w = checkLogSource({ ...good, storage: "device_memory" });
    expect(codes(w)).toEqual(["log.memory_only", "log.no_off_device_copy"]);
    expect(w[0]?.message.ja).toContain("電源");
    expect(w[0]?.message.en).toContain("powered on");
  });

  it("flags retention under 90 days but not exactly 90", () => {
    expect(codes(checkLogSource({ ...good, retentionDays: 89 }))).toEqual(["log.retention_short"]);
    expect(checkLogSource({ ...good, retentionDays: 90 })).toEqual([]);
    expect(codes(checkLogSource({ ...good, retentionDays: null }))).toEqual(["log.retention_unknown"]);
  });

  it("flags unprotected logs and unsynchronised clocks", () => {
    expect(
      codes(checkLogSource({ ...good, protectedFromDeletion: false, clockSynchronised: false })),
    ).toEqual(["log.clock_not_synchronised", "log.not_protected"]);
  });
});

describe("log register", () => {
  it("asks for edge sources and counts sources kept on the device", () => {
    const w = checkLogRegister([
      { ...good, kind: "server", storage: "device_disk" },
      { ...good, kind: "pc" },
    ]);
    expect(codes(w)).toEqual(["logs.kept_on_device", "logs.no_edge_source"]);
    expect(w.find((x) => x.code === "logs.kept_on_device")?.message.en).toContain("1 log source");
    expect(codes(checkLogRegister([]))).toEqual(["logs.none"]);
  });

  it("grades the off-device item", () => {
    expect(isLogRegisterOffDevice([])).toBe("unknown");
    expect(isLogRegisterOffDevice([good])).toBe("met");
    expect(isLogRegisterOffDevice([good, { ...good, retentionDays: 30 }])).toBe("partial");
    expect(isLogRegisterOffDevice([{ ...good, storage: "device_disk" }])).toBe("unmet");
  });
});
