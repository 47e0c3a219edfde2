import { createSocket } from "node:dgram";

/** Result of one SNTP query (RFC 4330): how far the local clock is from the server's. */
export interface ClockOffset {
  server: string;
  /** Server time minus local time, in milliseconds (positive: local clock is behind). */
  offsetMs?: number;
  roundTripMs?: number;
  /** Why no offset could be measured (unreachable, timeout…). */
  error?: string;
}

// Seconds between the NTP epoch (1900) and the Unix epoch (1970), RFC 5905 §6.
const NTP_UNIX_DELTA = 2_208_988_800;

/**
 * Measures the clock offset against an NTP server with a single SNTP request. The machine may be
 * cut off from the network after an incident, so failure is recorded, never fatal.
 */
export function measureClockOffset(server: string, port = 123, timeoutMs = 2000): Promise<ClockOffset> {
  return new Promise((resolve) => {
    const socket = createSocket("udp4");
    const request = Buffer.alloc(48);
    request[0] = 0x23; // LI 0, version 4, mode 3 (client)
    let sentAt = 0;
    const finish = (result: ClockOffset) => {
      clearTimeout(timer);
      socket.close();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ server, error: `timeout after ${timeoutMs} ms` }), timeoutMs);
    socket.on("error", (error) => finish({ server, error: error.message }));
    socket.on("message", (message) => {
      const receivedAt = Date.now();
      if (message.length < 48) return finish({ server, error: "short NTP reply" });
      const t2 = readNtpTimestamp(message, 32); // server receive
      const t3 = readNtpTimestamp(message, 40); // server transmit
      const offsetMs = (t2 - sentAt + (t3 - receivedAt)) / 2;
      const roundTripMs = receivedAt - sentAt - (t3 - t2);
      finish({ server, offsetMs: Math.round(offsetMs), roundTripMs: Math.round(roundTripMs) });
    });
    sentAt = Date.now();
    socket.send(request, port, server, (error) => {
      if (error) finish({ server, error: error.message });
    });
  });
}

function readNtpTimestamp(buffer: Buffer, offset: number): number {
  const seconds = buffer.readUInt32BE(offset);
  const fraction = buffer.readUInt32BE(offset + 4);
  return (seconds - NTP_UNIX_DELTA) * 1000 + (fraction / 2 ** 32) * 1000;
}

/** Writes an NTP timestamp (used by the test server and kept next to the reader on purpose). */
export function writeNtpTimestamp(buffer: Buffer, offset: number, unixMs: number): void {
  const seconds = Math.floor(unixMs / 1000) + NTP_UNIX_DELTA;
  const fraction = Math.floor(((unixMs % 1000) / 1000) * 2 ** 32);
  buffer.writeUInt32BE(seconds >>> 0, offset);
  buffer.writeUInt32BE(fraction >>> 0, offset + 4);
}
