import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64ByLength, decodeBase64Strict } from '../../electron/custody/base64';
import { parseKey } from '../../electron/custody/key-material';
import { gcmMultiply, gcmTagVerifies } from '../../electron/custody/gcm-tag';
import { decodePayload, openPayload, sealPayload } from '../../electron/custody/payload-codec';
import { captureOpener, candidatesFromRawKeys, decryptItem } from '../../electron/custody/payload-decryptor';
import { loadVectors } from '../support/vectors';

const vectors = loadVectors();

describe('secureFetch payload vectors (DESIGN §2)', () => {
  it('has vectors to run', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(17);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const result = decryptItem('vector', vector.payload, candidatesFromRawKeys(vector.keys.map(parseKey)));
    if (vector.expect === 'ok') {
      expect(result).toMatchObject({ ok: true, layout: vector.layout, key: { index: vector.matchedKeyIndex } });
      if (!result.ok) return;
      expect(result.plaintext.utf8).toBe(true);
      expect(result.plaintext.text).toBe(vector.plaintext);
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: vector.code } });
    }
  });
});

describe('payload codec', () => {
  const key = randomBytes(32);

  it('round-trips what it encrypts, in Kinde layout, as base64url', () => {
    const payload = sealPayload(Buffer.from('{"a":1}'), key);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(openPayload(decodePayload(payload), [key])).toMatchObject({ index: 0, layout: 'nonce-tag-ciphertext' });
  });

  it('keeps non-UTF-8 plaintext as exact bytes instead of mangling it', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x41]);
    const result = decryptItem('bin', sealPayload(bytes, key), candidatesFromRawKeys([key]));
    expect(result.ok && result.plaintext).toEqual({ utf8: false, text: null, base64: bytes.toString('base64'), byteLength: 5 });
  });

  it.each([
    ['ASCII', Buffer.from('{"a":1,"b":"plain"}'), '{"a":1,"b":"plain"}'],
    ['UTF-8 beyond ASCII', Buffer.from('{"name":"Zoë ✓ 🔑"}'), '{"name":"Zoë ✓ 🔑"}'],
    ['a byte-order mark, kept', Buffer.from([0xef, 0xbb, 0xbf, 0x41]), '\ufeffA'],
  ])('gives %s plaintext as the exact text', (_what, bytes, text) => {
    const result = decryptItem('t', sealPayload(bytes, key), candidatesFromRawKeys([key]));
    expect(result.ok && result.plaintext).toEqual({ utf8: true, text, base64: null, byteLength: bytes.length });
  });

  it.each([
    ['a Latin-1 byte', [0x7b, 0xe9, 0x7d]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0x41, 0xe2, 0x9c]],
  ])('keeps %s as base64, never as U+FFFD', (_what, byteList) => {
    const bytes = Buffer.from(byteList);
    const result = decryptItem('b', sealPayload(bytes, key), candidatesFromRawKeys([key]));
    expect(result.ok && result.plaintext).toEqual({ utf8: false, text: null, base64: bytes.toString('base64'), byteLength: 3 });
  });

  it('opens payloads of any size one after another, and a payload cut short never opens with bytes of the one before', () => {
    const candidates = candidatesFromRawKeys([key]);
    const sizes = [300 * 1024, 10, 2 * 1024 * 1024, 5, 300 * 1024];
    sizes.forEach((size, i) => {
      const text = String.fromCharCode(97 + i).repeat(size);
      const result = decryptItem(`size-${size}`, sealPayload(Buffer.from(text), key), candidates);
      expect(result.ok && result.plaintext.text === text, `${size} bytes`).toBe(true);
    });
    const long = sealPayload(Buffer.from('x'.repeat(1000)), key);
    expect(decryptItem('long', long, candidates)).toMatchObject({ ok: true });
    expect(decryptItem('cut', long.slice(0, -4), candidates)).toMatchObject({ ok: false, error: { code: 'NO_MATCHING_KEY' } });
  });

  it('never returns plaintext when the tag does not verify', () => {
    const payload = Buffer.from(decodePayload(sealPayload(Buffer.from('secret'), key)));
    payload[payload.length - 1] ^= 1;
    expect(openPayload(payload, [key])).toBeNull();
  });

  it.each([
    ['a quote without an end', '"abc'],
    ['a JSON number', '12'],
    ['mixed junk', 'abc$def'],
    ['a length that no base64 has', 'A'.repeat(41)],
  ])('refuses %s as MALFORMED_PAYLOAD', (_what, text) => {
    expect(decryptItem('x', text, candidatesFromRawKeys([key]))).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_PAYLOAD' },
    });
  });
});

describe('strict base64', () => {
  it('reports text with a letter Node would truncate to base64 as MALFORMED_PAYLOAD, not as a key problem', () => {
    const sealed = sealPayload(Buffer.from('hello'), randomBytes(32));
    const mangled = `${sealed.slice(0, 10)}\u0146${sealed.slice(11)}`;
    expect(decryptItem('x', mangled, candidatesFromRawKeys([randomBytes(32)]))).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_PAYLOAD' },
    });
  });

  it.each([
    ['a non-ASCII letter Node would truncate to a valid one', 'QU\u0146B'],
    ['a stray = in the middle', 'QQ==QUFB'],
    ['a character outside both alphabets', 'QUFB.QUF'],
    ['three padding characters', 'QQ==='],
  ])('refuses %s', (_what, text) => {
    expect(decodeBase64Strict(text)).toBeNull();
  });

  it.each([
    ['standard, padded', 'QUFBQQ==', 'AAAA'],
    ['URL-safe, unpadded', '-_-_', '\u00fb\u00ff\u00bf'],
    ['standard, unpadded', 'QUFBQQ', 'AAAA'],
  ])('accepts %s', (_what, text, bytes) => {
    expect(decodeBase64Strict(text)).toEqual(Buffer.from(bytes, 'latin1'));
  });
});

describe('bulk base64 decode', () => {
  it('decodes each payload at another place within a page, so decryption cannot keep colliding with its output (4K aliasing)', () => {
    const places = new Set<number>();
    for (let i = 0; i < 256; i++) {
      const bytes = randomBytes(i % 2 === 0 ? 1000 : 70 * 1024);
      const decoded = decodeBase64ByLength(bytes.toString('base64url'));
      expect(decoded?.equals(bytes)).toBe(true);
      places.add((decoded as Buffer).byteOffset % 4096);
    }
    expect(places.size).toBe(256);
  });

  it('moves payloads beyond the kept buffer too', () => {
    const big = randomBytes(1024 * 1024 + 1);
    const first = decodeBase64ByLength(big.toString('base64'));
    const second = decodeBase64ByLength(big.toString('base64'));
    expect(first?.equals(big) && second?.equals(big)).toBe(true);
    expect((first as Buffer).byteOffset % 4096).not.toBe((second as Buffer).byteOffset % 4096);
  });
});

describe('GCM tag check without decrypting', () => {
  const words = (hex: string) => Uint32Array.from(hex.match(/.{8}/g) ?? [], (w) => Number.parseInt(w, 16));

  it('verifies the tags of the GCM specification for AES-256 (test cases 13 and 14)', () => {
    const zeroKey = new Uint8Array(32);
    const zeroNonce = new Uint8Array(12);
    expect(gcmTagVerifies(zeroKey, zeroNonce, new Uint8Array(0), Buffer.from('530f8afbc74536b9a963b4f1c4cb738b', 'hex'))).toBe(
      true,
    );
    const ciphertext = Buffer.from('cea7403d4d606b6e074ec5d3baf39d18', 'hex');
    expect(gcmTagVerifies(zeroKey, zeroNonce, ciphertext, Buffer.from('d0d1c8a799996bf0265b98b5d48ab919', 'hex'))).toBe(true);
    expect(gcmTagVerifies(zeroKey, zeroNonce, ciphertext, Buffer.from('d0d1c8a799996bf0265b98b5d48ab918', 'hex'))).toBe(false);
  });

  it('multiplies in GF(2^128) as GCM does: 1 is the block with only its first bit set', () => {
    const x = words('66e94bd4ef8a2c3b884cfa59ca342b2e');
    expect([...gcmMultiply(x, words('80000000000000000000000000000000'))]).toEqual([...x]);
    expect([...gcmMultiply(x, new Uint32Array(4))]).toEqual([0, 0, 0, 0]);
    const y = words('dc95c078a2408989ad48a21492842087');
    expect([...gcmMultiply(x, y)]).toEqual([...gcmMultiply(y, x)]);
  });

  it.each([0, 1, 15, 16, 17, 1000, 65_536 + 5])(
    'agrees with decryption on %i bytes: only the right key, nonce, tag and ciphertext verify',
    (length) => {
      const key = randomBytes(32);
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const ciphertext = Buffer.concat([cipher.update(randomBytes(length)), cipher.final()]);
      const tag = cipher.getAuthTag();
      expect(gcmTagVerifies(key, nonce, ciphertext, tag)).toBe(true);
      expect(gcmTagVerifies(randomBytes(32), nonce, ciphertext, tag)).toBe(false);
      expect(gcmTagVerifies(key, randomBytes(12), ciphertext, tag)).toBe(false);
      const badTag = Buffer.from(tag);
      badTag[length % 16] ^= 0x01;
      expect(gcmTagVerifies(key, nonce, ciphertext, badTag)).toBe(false);
      if (length > 0) {
        const badText = Buffer.from(ciphertext);
        badText[length - 1] ^= 0x80;
        expect(gcmTagVerifies(key, nonce, badText, tag)).toBe(false);
      }
    },
  );
});

describe('R10 when a likely key is tried first', () => {
  const keys = Array.from({ length: 4 }, () => randomBytes(32));

  it('still names the first key in priority order that opens the payload', () => {
    const duplicated = [keys[0], keys[1], Buffer.from(keys[0]), keys[3]];
    const bytes = decodePayload(sealPayload(Buffer.from('same key twice'), keys[0]));
    expect(openPayload(bytes, duplicated, { index: 2, layout: 'nonce-tag-ciphertext' })).toMatchObject({ index: 0 });
    expect(openPayload(bytes, duplicated, { index: 3, layout: 'nonce-ciphertext-tag' })).toMatchObject({ index: 0 });
  });

  it('finds the key and layout whatever attempt it was told was likely', () => {
    const sealed = decodePayload(sealPayload(Buffer.from('webcrypto'), keys[2]));
    const webCrypto = Buffer.concat([sealed.subarray(0, 12), sealed.subarray(28), sealed.subarray(12, 28)]);
    for (const index of [0, 1, 2, 3, 7]) {
      for (const layout of ['nonce-tag-ciphertext', 'nonce-ciphertext-tag'] as const) {
        const match = openPayload(webCrypto, keys, { index, layout });
        expect(match, `likely ${index} ${layout}`).toMatchObject({ index: 2, layout: 'nonce-ciphertext-tag' });
        expect(match?.plaintext.toString()).toBe('webcrypto');
      }
    }
  });

  it('never returns plaintext from the likely key when its tag does not verify', () => {
    const bytes = Buffer.from(decodePayload(sealPayload(Buffer.from('secret'), keys[1])));
    bytes[14] ^= 0x01;
    expect(openPayload(bytes, keys, { index: 1, layout: 'nonce-tag-ciphertext' })).toBeNull();
  });

  it('opens a run of captures from changing keys exactly as each one alone', () => {
    const order = [2, 2, 0, 3, 3, 1, 0, 2];
    const captures = order.map((k, i) => sealPayload(Buffer.from(`capture ${i}`), keys[k]));
    const open = captureOpener(keys);
    const results = [...captures, 'not a payload', sealPayload(Buffer.from('stranger'), randomBytes(32))].map((c) => open(c));
    expect(results.map((r) => (r.ok ? r.index : r.error.code))).toEqual([...order, 'MALFORMED_PAYLOAD', 'NO_MATCHING_KEY']);
    results.slice(0, order.length).forEach((r, i) => {
      expect(r.ok && r.bytes.toString()).toBe(`capture ${i}`);
    });
  });
});
