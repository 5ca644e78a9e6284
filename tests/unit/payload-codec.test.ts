import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64Strict } from '../../electron/custody/base64';
import { parseKey } from '../../electron/custody/key-material';
import { decodePayload, openPayload, sealPayload } from '../../electron/custody/payload-codec';
import {
  type Candidate,
  candidatesFromRawKeys,
  decryptCapture,
  describeCandidates,
} from '../../electron/custody/payload-decryptor';
import { loadVectors } from '../support/vectors';

/** One capture against candidate keys, as a batch decrypts it. */
function decryptItem(source: string, text: string, candidates: readonly Candidate[]) {
  return decryptCapture(
    { source, text },
    candidates.map((c) => c.material),
    describeCandidates(candidates),
  );
}

const vectors = loadVectors();

describe('secureFetch payload vectors (docs/architecture.md, the payload format)', () => {
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
    payload.writeUInt8(payload.readUInt8(payload.length - 1) ^ 1, payload.length - 1);
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

describe('R10: keys in the order given, the first that authenticates wins', () => {
  const keys = Array.from({ length: 4 }, () => randomBytes(32));

  it('names the first key in priority order that opens the payload, when a key is listed twice', () => {
    const duplicated = [keys[1] as Buffer, keys[0] as Buffer, Buffer.from(keys[0] as Buffer), keys[3] as Buffer];
    const bytes = decodePayload(sealPayload(Buffer.from('same key twice'), keys[0] as Buffer));
    expect(openPayload(bytes, duplicated)).toMatchObject({ index: 1, layout: 'nonce-tag-ciphertext' });
  });

  it('finds a WebCrypto-layout payload under any key position', () => {
    for (const [index, key] of keys.entries()) {
      const sealed = decodePayload(sealPayload(Buffer.from('webcrypto'), key));
      const webCrypto = Buffer.concat([sealed.subarray(0, 12), sealed.subarray(28), sealed.subarray(12, 28)]);
      const match = openPayload(webCrypto, keys);
      expect(match).toMatchObject({ index, layout: 'nonce-ciphertext-tag' });
      expect(match?.plaintext.toString()).toBe('webcrypto');
    }
  });

  it('never returns plaintext when a byte of the tag or the ciphertext was changed, in either layout', () => {
    const sealed = decodePayload(sealPayload(Buffer.from('secret body'), keys[1] as Buffer));
    for (let at = 12; at < sealed.length; at++) {
      const changed = Buffer.from(sealed);
      changed[at] = (changed[at] as number) ^ 0x01;
      expect(openPayload(changed, keys), `byte ${at}`).toBeNull();
    }
  });

  it('opens a run of captures from changing keys exactly as each one alone', () => {
    const order = [2, 2, 0, 3, 3, 1, 0, 2];
    const candidates = candidatesFromRawKeys(keys);
    const captures = order.map((k, i) => sealPayload(Buffer.from(`capture ${i}`), keys[k] as Buffer));
    const results = [...captures, 'not a payload', sealPayload(Buffer.from('stranger'), randomBytes(32))].map((c) =>
      decryptItem('run', c, candidates),
    );
    expect(results.map((r) => (r.ok ? r.key.index : r.error.code))).toEqual([...order, 'MALFORMED_PAYLOAD', 'NO_MATCHING_KEY']);
    results.slice(0, order.length).forEach((r, i) => {
      expect(r.ok && r.plaintext.text).toBe(`capture ${i}`);
    });
  });
});
