import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newVaultKeys, openEnvelope, sealEnvelope } from '../../electron/custody/key-envelope';
import { SCRYPT_DEFAULTS, scryptParamsProblem } from '../../electron/custody/scrypt-params';
import { TEST_SCRYPT } from '../support/core-fixture';

const VAULT = '0123456789abcdef';

describe('key envelope (DESIGN §3)', () => {
  it('gives back both keys to the keychain secret alone when no passphrase is set', async () => {
    const secret = randomBytes(32);
    const keys = newVaultKeys();
    const envelope = await sealEnvelope({ secret, passphrase: null, keys, vaultId: VAULT, params: TEST_SCRYPT });
    expect(envelope.scrypt).toBeNull();
    const opened = await openEnvelope(secret, null, envelope, VAULT);
    expect(opened?.dataKey.equals(keys.dataKey)).toBe(true);
    expect(opened?.auditKey.equals(keys.auditKey)).toBe(true);
  });

  it('needs the keychain secret and the passphrase together when one is set', async () => {
    const secret = randomBytes(32);
    const keys = newVaultKeys();
    const envelope = await sealEnvelope({ secret, passphrase: 'correct horse', keys, vaultId: VAULT, params: TEST_SCRYPT });
    expect(envelope.scrypt).toEqual(TEST_SCRYPT);
    expect((await openEnvelope(secret, 'correct horse', envelope, VAULT))?.dataKey.equals(keys.dataKey)).toBe(true);
    expect(await openEnvelope(secret, 'correct hors', envelope, VAULT)).toBeNull();
    expect(await openEnvelope(secret, null, envelope, VAULT)).toBeNull();
    expect(await openEnvelope(randomBytes(32), 'correct horse', envelope, VAULT)).toBeNull();
  });

  it('cannot be moved to another vault', async () => {
    const secret = randomBytes(32);
    const envelope = await sealEnvelope({ secret, passphrase: null, keys: newVaultKeys(), vaultId: VAULT, params: TEST_SCRYPT });
    expect(await openEnvelope(secret, null, envelope, 'fedcba9876543210')).toBeNull();
  });

  it('treats a passphrase the same however its accents were composed (NFC)', async () => {
    const secret = randomBytes(32);
    const keys = newVaultKeys();
    const composed = 'caf\u00e9 au lait';
    const envelope = await sealEnvelope({ secret, passphrase: composed, keys, vaultId: VAULT, params: TEST_SCRYPT });
    expect(await openEnvelope(secret, composed.normalize('NFD'), envelope, VAULT)).not.toBeNull();
  });
});

describe('scrypt parameters read from a header are capped', () => {
  it('accepts the defaults, N = 2^17, r = 8, p = 1', () => {
    expect(SCRYPT_DEFAULTS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(scryptParamsProblem(SCRYPT_DEFAULTS)).toBeNull();
  });

  it.each([
    ['N not a power of two', { N: 100_000, r: 8, p: 1 }],
    ['N too small to protect anything', { N: 2, r: 8, p: 1 }],
    ['N of a gigabyte-scale attack on memory', { N: 2 ** 30, r: 8, p: 1 }],
    ['r of zero', { N: 2 ** 14, r: 0, p: 1 }],
    ['r too large', { N: 2 ** 14, r: 1000, p: 1 }],
    ['p too large', { N: 2 ** 14, r: 8, p: 1000 }],
    ['memory too large', { N: 2 ** 20, r: 32, p: 1 }],
    ['work too long', { N: 2 ** 20, r: 8, p: 16 }],
  ])('refuses %s', (_what, params) => {
    expect(scryptParamsProblem(params)).not.toBeNull();
  });
});
