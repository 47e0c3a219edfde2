/**
 * Keccak-f[1600] sponge (FIPS 202) for the three checksums that need it: SHA3-256 for Tor v3 onion addresses
 * (rend-spec-v3 §6), original Keccak-256 for Monero addresses and Ethereum EIP-55 mixed case. Inputs are tens
 * of bytes, so 64-bit lanes as BigInt keep the code short; speed is not a concern here.
 */

const MASK = (1n << 64n) - 1n;
const ROUND_CONSTANTS: bigint[] = [];
const ROTATIONS: number[] = [];
const PI_LANES: number[] = [];

// Round constants, rotation offsets and the π permutation generated as in the Keccak reference.
{
  let r = 1;
  for (let round = 0; round < 24; round++) {
    let constant = 0n;
    for (let j = 0; j < 7; j++) {
      r = ((r << 1) ^ ((r >> 7) * 0x71)) & 0xff;
      if (r & 2) constant ^= 1n << ((1n << BigInt(j)) - 1n);
    }
    ROUND_CONSTANTS.push(constant);
  }
  let x = 1;
  let y = 0;
  for (let t = 0; t < 24; t++) {
    [x, y] = [y, (2 * x + 3 * y) % 5];
    ROTATIONS.push((((t + 1) * (t + 2)) / 2) % 64);
    PI_LANES.push(x + 5 * y);
  }
}

const rotl = (v: bigint, n: number) => (n === 0 ? v : ((v << BigInt(n)) | (v >> BigInt(64 - n))) & MASK);

function keccakF(state: bigint[]): void {
  const c = new Array<bigint>(5);
  for (let round = 0; round < 24; round++) {
    for (let x = 0; x < 5; x++)
      c[x] = state[x]! ^ state[x + 5]! ^ state[x + 10]! ^ state[x + 15]! ^ state[x + 20]!;
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5]! ^ rotl(c[(x + 1) % 5]!, 1);
      for (let y = 0; y < 25; y += 5) state[x + y] = state[x + y]! ^ d;
    }
    let current = state[1]!;
    for (let t = 0; t < 24; t++) {
      const lane = PI_LANES[t]!;
      const next = state[lane]!;
      state[lane] = rotl(current, ROTATIONS[t]!);
      current = next;
    }
    for (let y = 0; y < 25; y += 5) {
      const row = state.slice(y, y + 5);
      for (let x = 0; x < 5; x++) state[y + x] = row[x]! ^ (~row[(x + 1) % 5]! & MASK & row[(x + 2) % 5]!);
    }
    state[0] = state[0]! ^ ROUND_CONSTANTS[round]!;
  }
}

function sponge(data: Uint8Array, suffix: number): Uint8Array {
  const rate = 136; // 1088 bits: the rate of every 256-bit Keccak variant
  const padded = new Uint8Array(Math.floor(data.length / rate + 1) * rate);
  padded.set(data);
  padded[data.length] = suffix;
  padded[padded.length - 1]! |= 0x80;
  const state = new Array<bigint>(25).fill(0n);
  for (let offset = 0; offset < padded.length; offset += rate) {
    for (let i = 0; i < rate / 8; i++) {
      let lane = 0n;
      for (let b = 7; b >= 0; b--) lane = (lane << 8n) | BigInt(padded[offset + i * 8 + b]!);
      state[i] = state[i]! ^ lane;
    }
    keccakF(state);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((state[i >> 3]! >> BigInt((i & 7) * 8)) & 0xffn);
  return out;
}

/** SHA3-256 (FIPS 202, domain suffix 0x06). */
export function sha3_256(data: Uint8Array): Uint8Array {
  return sponge(data, 0x06);
}

/** Original Keccak-256 (suffix 0x01) as used by Monero and Ethereum. */
export function keccak256(data: Uint8Array): Uint8Array {
  return sponge(data, 0x01);
}
