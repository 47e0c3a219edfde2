/**
 * Tox ID: 76 hex characters = 38 bytes: public key (32) ‖ nospam (4) ‖ checksum (2), where the checksum is
 * the XOR of the preceding 36 bytes taken two at a time (toxcore `toxid` / qTox `ToxId::isToxId`).
 */
export function isValidToxId(id: string): boolean {
  if (!/^[0-9A-Fa-f]{76}$/.test(id)) return false;
  const bytes = id.match(/../g)!.map((h) => Number.parseInt(h, 16));
  let even = 0;
  let odd = 0;
  for (let i = 0; i < 36; i += 2) {
    even ^= bytes[i]!;
    odd ^= bytes[i + 1]!;
  }
  return even === bytes[36] && odd === bytes[37];
}
