import { createSocket } from "node:dgram";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { gatherCollectorInfo } from "./collector-info";
import { measureClockOffset, writeNtpTimestamp } from "./ntp-offset";

/** A local SNTP server whose clock runs `skewMs` ahead of ours (RFC 4330 server reply). */
async function startSkewedServer(skewMs: number): Promise<{ port: number; close: () => void }> {
  const server = createSocket("udp4");
  server.on("message", (request, remote) => {
    const reply = Buffer.alloc(48);
    reply[0] = 0x24; // version 4, mode 4 (server)
    reply[1] = 1; // stratum
    request.copy(reply, 24, 40, 48); // originate = client's transmit
    writeNtpTimestamp(reply, 32, Date.now() + skewMs);
    writeNtpTimestamp(reply, 40, Date.now() + skewMs);
    server.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => server.bind(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

describe("clock offset", () => {
  it("measures how far the local clock is behind an NTP server", async () => {
    const server = await startSkewedServer(90_000);
    try {
      const result = await measureClockOffset("127.0.0.1", server.port);
      expect(result.error).toBeUndefined();
      expect(result.offsetMs).toBeGreaterThan(89_900);
      expect(result.offsetMs).toBeLessThan(90_100);
    } finally {
      server.close();
    }
  });

  it("records an unreachable server instead of failing", async () => {
    const socket = createSocket("udp4");
    await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
    const silentPort = (socket.address() as AddressInfo).port; // bound but never answers
    const result = await measureClockOffset("127.0.0.1", silentPort, 300);
    socket.close();
    expect(result).toEqual({ server: "127.0.0.1", error: "timeout after 300 ms" });
  });

  it("describes the collecting machine", async () => {
    const info = await gatherCollectorInfo(null);
    expect(info.clock).toEqual({ skipped: true });
    expect(info.tool.node).toBe(process.version);
    expect(typeof info.utcOffsetMinutes).toBe("number");
  });
});
