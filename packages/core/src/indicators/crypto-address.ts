import { keccak256 } from "./keccak";
import { sha256 } from "./sha256";

/** Bitcoin's Base58 alphabet (no 0, O, I, l). Monero uses the same alphabet with a different block scheme. */
export const BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const BASE58_INDEX = new Map([...BASE58_ALPHABET].map((c, i) => [c, i]));

/** Decodes Base58 (big-endian number, leading '1's are zero bytes); null on a character outside the alphabet. */
export function decodeBase58(text: string): Uint8Array | null {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58_INDEX.get(char);
    if (digit === undefined) return null;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  let zeros = 0;
  while (text[zeros] === "1") zeros++;
  return new Uint8Array([...new Array<number>(zeros).fill(0), ...bytes]);
}

/**
 * Legacy Bitcoin address, Base58Check: 1 version byte (0x00 P2PKH "1…", 0x05 P2SH "3…"), 20-byte hash, and
 * the first 4 bytes of SHA-256(SHA-256(version ‖ hash)) as checksum (Bitcoin wiki "Base58Check encoding").
 */
export function isValidBase58Btc(address: string): boolean {
  if (!/^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(address)) return false;
  const bytes = decodeBase58(address);
  if (bytes?.length !== 25) return false;
  const version = bytes[0];
  if (version !== (address[0] === "1" ? 0x00 : 0x05)) return false;
  const check = sha256(sha256(bytes.subarray(0, 21)));
  return check[0] === bytes[21] && check[1] === bytes[22] && check[2] === bytes[23] && check[3] === bytes[24];
}

const BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BECH32_GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function bech32Polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= BECH32_GENERATOR[i]!;
  }
  return chk;
}

/**
 * SegWit address "bc1…" (BIP 173 bech32 for witness v0, BIP 350 bech32m for v1+, e.g. Taproot "bc1p…").
 * Mixed case is invalid per BIP 173; the checksum constant must match the witness version.
 */
export function isValidBech32Btc(address: string): boolean {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) return false;
  const text = address.toLowerCase();
  if (!/^bc1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{8,87}$/.test(text) || text.length > 90) return false;
  const data = [...text.slice(3)].map((c) => BECH32_CHARSET.indexOf(c));
  const hrp = [..."bc"].map((c) => c.charCodeAt(0));
  const expanded = [...hrp.map((c) => c >> 5), 0, ...hrp.map((c) => c & 31)];
  const polymod = bech32Polymod([...expanded, ...data]);
  const version = data[0]!;
  if (version > 16) return false;
  if (polymod !== (version === 0 ? 1 : 0x2bc830a3)) return false;
  // Program length: v0 is 20 or 32 bytes, any version 2–40 bytes (BIP 141). 5-bit groups minus the 6 checksum chars.
  const programBits = (data.length - 1 - 6) * 5;
  const programBytes = Math.floor(programBits / 8);
  if (programBytes < 2 || programBytes > 40) return false;
  return version !== 0 || programBytes === 20 || programBytes === 32;
}

/** Either Bitcoin address form. */
export function isValidBtcAddress(address: string): boolean {
  return /^bc1/i.test(address) ? isValidBech32Btc(address) : isValidBase58Btc(address);
}

// Monero's Base58 works on 8-byte blocks encoded as 11 characters; a final partial block of n characters
// holds MONERO_BLOCK_BYTES[n] bytes (-1: impossible length). Source: monero src/common/base58.cpp.
const MONERO_BLOCK_BYTES = [0, -1, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8];

function decodeMoneroBase58(text: string): Uint8Array | null {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 11) {
    const block = text.slice(i, i + 11);
    const size = MONERO_BLOCK_BYTES[block.length] ?? -1;
    if (size < 0) return null;
    let value = 0n;
    for (const char of block) {
      const digit = BASE58_INDEX.get(char);
      if (digit === undefined) return null;
      value = value * 58n + BigInt(digit);
    }
    if (value >> BigInt(size * 8) !== 0n) return null;
    for (let b = size - 1; b >= 0; b--) out.push(Number((value >> BigInt(b * 8)) & 0xffn));
  }
  return new Uint8Array(out);
}

/** Mainnet network bytes: 18 standard ("4…"), 19 integrated ("4…", 106 chars), 42 subaddress ("8…"). */
const MONERO_PREFIXES = new Map([
  [18, 95],
  [19, 106],
  [42, 95],
]);

/**
 * Monero mainnet address: network byte ‖ spend key ‖ view key (‖ payment id) ‖ checksum, where the checksum
 * is the first 4 bytes of Keccak-256 over everything before it.
 */
export function isValidXmrAddress(address: string): boolean {
  if (!/^[48][1-9A-HJ-NP-Za-km-z]+$/.test(address)) return false;
  const bytes = decodeMoneroBase58(address);
  if (!bytes || bytes.length < 5) return false;
  if (MONERO_PREFIXES.get(bytes[0]!) !== address.length) return false;
  const body = bytes.subarray(0, bytes.length - 4);
  const check = keccak256(body);
  return bytes.subarray(bytes.length - 4).every((b, i) => b === check[i]);
}

/**
 * Ethereum address: 0x + 40 hex. All-lower or all-upper carries no checksum; mixed case must follow EIP-55
 * (a letter is upper case when the matching nibble of Keccak-256(lower-case hex) is ≥ 8).
 */
export function isValidEthAddress(address: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return false;
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  const hash = keccak256(new TextEncoder().encode(hex.toLowerCase()));
  return [...hex].every((char, i) => {
    if (!/[a-f]/i.test(char)) return true;
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    return nibble >= 8 === (char === char.toUpperCase());
  });
}
