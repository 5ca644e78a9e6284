/**
 * Checks an AES-256-GCM tag without decrypting. R10 tries keys one after another, and every key
 * but one fails; node:crypto can only say so after decrypting the whole ciphertext into a buffer it
 * allocates and zero-fills (64 KiB here: ~39 µs in a loop of wrong keys, with up to 18 800 page
 * faults a bench round when the allocator hands those buffers back and takes them again). The tag
 * alone takes ~9 µs and allocates nothing, and a key whose tag does not verify never produces
 * plaintext at all. Never log key material here, nor the hash key derived from it.
 *
 * node:crypto has no GHASH call, but GCM over the ciphertext as additional data, with no
 * plaintext, computes it. The two tags differ only in GHASH's last block, the lengths block
 * (SP 800-38D §7.1): [len(A)]64 || [len(C)]64 is [0 || n] when decrypting and [n || 0] here, and
 * GHASH multiplies the last block by H once, so
 *   tag(decrypt C) = tag(A = C, no plaintext) XOR ([n || n] · H),  with H = AES_K(0^128).
 */
import { createCipheriv, timingSafeEqual } from 'node:crypto';

const ZERO_BLOCK = new Uint8Array(16);

/**
 * H for each key, made once: AES-ECB of a zero block. Kept as long as the key's own buffer is, so
 * it goes with the key when a batch drops its candidates.
 */
const hashKeys = new WeakMap<Uint8Array, Uint32Array>();

function hashKeyOf(key: Uint8Array): Uint32Array {
  let h = hashKeys.get(key);
  if (!h) {
    const cipher = createCipheriv('aes-256-ecb', key, null);
    cipher.setAutoPadding(false);
    const block = cipher.update(ZERO_BLOCK);
    h = Uint32Array.from([0, 4, 8, 12], (at) => block.readUInt32BE(at));
    block.fill(0);
    hashKeys.set(key, h);
  }
  return h;
}

/**
 * X · H in GF(2^128), GCM's bit order (SP 800-38D §6.3, Algorithm 1), on four big-endian 32-bit
 * words: bit 0 of a block is the high bit of its first byte.
 */
export function gcmMultiply(x: Uint32Array, h: Uint32Array): Uint32Array {
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  let z3 = 0;
  let v0 = h[0];
  let v1 = h[1];
  let v2 = h[2];
  let v3 = h[3];
  for (let i = 0; i < 128; i++) {
    if ((x[i >>> 5] >>> (31 - (i & 31))) & 1) {
      z0 ^= v0;
      z1 ^= v1;
      z2 ^= v2;
      z3 ^= v3;
    }
    const carry = v3 & 1;
    v3 = (v3 >>> 1) | (v2 << 31);
    v2 = (v2 >>> 1) | (v1 << 31);
    v1 = (v1 >>> 1) | (v0 << 31);
    v0 >>>= 1;
    if (carry) v0 ^= 0xe1000000;
  }
  return Uint32Array.of(z0, z1, z2, z3);
}

/** Whether `tag` is the GCM tag of `ciphertext` under `key` and `nonce` (96 bits, no additional data). */
export function gcmTagVerifies(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): boolean {
  if (tag.length !== 16) return false;
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(ciphertext);
  cipher.final();
  const expected = cipher.getAuthTag();
  const bits = ciphertext.length * 8;
  const high = Math.floor(bits / 0x1_0000_0000);
  const low = bits >>> 0;
  const shift = gcmMultiply(Uint32Array.of(high, low, high, low), hashKeyOf(key));
  for (let word = 0; word < 4; word++) {
    expected.writeUInt32BE((expected.readUInt32BE(word * 4) ^ shift[word]) >>> 0, word * 4);
  }
  return timingSafeEqual(expected, tag);
}
