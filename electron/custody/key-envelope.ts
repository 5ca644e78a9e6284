// Never log key material: the keychain secret, the passphrase and the vault's two keys pass through here.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { type ScryptParams, ScryptParamsSchema, scryptMaxmem } from './scrypt-params';

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The vault's two keys: one seals the state, the other keys the audit chain (R11). */
export interface VaultKeys {
  dataKey: Buffer;
  auditKey: Buffer;
}

const WrappedKeySchema = z.object({ nonce: z.string(), sealed: z.string() });
type WrappedKey = z.infer<typeof WrappedKeySchema>;

/**
 * The key envelope in the vault header (DESIGN §3): both keys wrapped with AES-256-GCM under a
 * key-encryption key from the keychain secret and, when `scrypt` is set, the passphrase.
 */
export const EnvelopeSchema = z.object({
  salt: z.string(),
  /** null: no passphrase, the keychain secret alone opens the envelope. */
  scrypt: ScryptParamsSchema.nullable(),
  dataKey: WrappedKeySchema,
  auditKey: WrappedKeySchema,
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

type Purpose = 'data-key' | 'audit-key';

export function newVaultKeys(): VaultKeys {
  return { dataKey: randomBytes(KEY_BYTES), auditKey: randomBytes(KEY_BYTES) };
}

export function zeroKeys(keys: VaultKeys): void {
  keys.dataKey.fill(0);
  keys.auditKey.fill(0);
}

function stretch(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const bytes = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  // The async form runs on libuv's pool: the app's main process stays responsive meanwhile.
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(bytes, salt, KEY_BYTES, { ...params, maxmem: scryptMaxmem(params) }, (error, key) => {
      bytes.fill(0);
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** KEK = HKDF-SHA256(keychain secret ‖ scrypt(passphrase)), or HKDF-SHA256(keychain secret) alone. */
async function keyEncryptionKey(secret: Uint8Array, passphrase: string | null, salt: Buffer, params: ScryptParams | null) {
  if (params === null || passphrase === null) {
    return Buffer.from(hkdfSync('sha256', secret, salt, 'workflow-key-custody/kek/keychain', KEY_BYTES));
  }
  const stretched = await stretch(passphrase, salt, params);
  const material = Buffer.concat([secret, stretched]);
  try {
    return Buffer.from(hkdfSync('sha256', material, salt, 'workflow-key-custody/kek/keychain+passphrase', KEY_BYTES));
  } finally {
    stretched.fill(0);
    material.fill(0);
  }
}

/**
 * Bound to the vault (or, for a backup, the backup's header) and the key's job, so a wrapped key
 * cannot be moved to another vault, backup or slot.
 */
function aadOf(vaultId: string, purpose: Purpose): Buffer {
  return Buffer.from(JSON.stringify(['workflow-key-custody/envelope', vaultId, purpose]));
}

function wrap(kek: Buffer, key: Buffer, vaultId: string, purpose: Purpose): WrappedKey {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(aadOf(vaultId, purpose));
  const sealed = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64'), sealed: sealed.toString('base64') };
}

/** null when the KEK is not the one that wrapped it (wrong passphrase, other keychain secret, altered). */
function unwrap(kek: Buffer, wrapped: WrappedKey, vaultId: string, purpose: Purpose): Buffer | null {
  const sealed = Buffer.from(wrapped.sealed, 'base64');
  if (sealed.length !== KEY_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.nonce, 'base64'));
    decipher.setAAD(aadOf(vaultId, purpose));
    decipher.setAuthTag(sealed.subarray(KEY_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, KEY_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

export interface SealInput {
  secret: Uint8Array;
  /** null: no passphrase. */
  passphrase: string | null;
  keys: VaultKeys;
  vaultId: string;
  /** The cost for a new passphrase; ignored without one. */
  params: ScryptParams;
}

/** Wraps the two keys under a fresh salt: setting, changing and removing a passphrase all come here. */
export async function sealEnvelope({ secret, passphrase, keys, vaultId, params }: SealInput): Promise<Envelope> {
  const salt = randomBytes(SALT_BYTES);
  const scryptParams = passphrase === null ? null : params;
  const kek = await keyEncryptionKey(secret, passphrase, salt, scryptParams);
  return wrapBoth(kek, keys, vaultId, salt, scryptParams);
}

/** Both keys wrapped under `kek`, which is then zero-filled. */
function wrapBoth<P extends ScryptParams | null>(
  kek: Buffer,
  keys: VaultKeys,
  binding: string,
  salt: Buffer,
  scrypt: P,
): Envelope & { scrypt: P } {
  try {
    return {
      salt: salt.toString('base64'),
      scrypt,
      dataKey: wrap(kek, keys.dataKey, binding, 'data-key'),
      auditKey: wrap(kek, keys.auditKey, binding, 'audit-key'),
    };
  } finally {
    kek.fill(0);
  }
}

/**
 * The two keys, or null when this secret and passphrase do not open the envelope. `passphrase` is
 * used only when the envelope has one.
 */
export async function openEnvelope(
  secret: Uint8Array,
  passphrase: string | null,
  envelope: Envelope,
  vaultId: string,
): Promise<VaultKeys | null> {
  const kek = await keyEncryptionKey(secret, passphrase, Buffer.from(envelope.salt, 'base64'), envelope.scrypt);
  return unwrapBoth(kek, envelope, vaultId);
}

/** Both keys or neither; zero-fills the KEK. */
function unwrapBoth(kek: Buffer, envelope: Envelope, binding: string): VaultKeys | null {
  try {
    const dataKey = unwrap(kek, envelope.dataKey, binding, 'data-key');
    const auditKey = unwrap(kek, envelope.auditKey, binding, 'audit-key');
    if (dataKey && auditKey) return { dataKey, auditKey };
    dataKey?.fill(0);
    auditKey?.fill(0);
    return null;
  } finally {
    kek.fill(0);
  }
}

/** A backup's KEK (R16): HKDF-SHA256(scrypt(backup passphrase)); no keychain secret, so another machine can open it. */
async function backupKeyEncryptionKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const stretched = await stretch(passphrase, salt, params);
  try {
    return Buffer.from(hkdfSync('sha256', stretched, salt, 'workflow-key-custody/kek/backup-passphrase', KEY_BYTES));
  } finally {
    stretched.fill(0);
  }
}

/**
 * R16: the two keys wrapped under the backup passphrase alone. `binding` is what the wrapped keys
 * are bound to (the backup's header), so they cannot be moved into another backup.
 */
export async function sealBackupEnvelope(
  passphrase: string,
  keys: VaultKeys,
  binding: string,
  params: ScryptParams,
): Promise<Envelope & { scrypt: ScryptParams }> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await backupKeyEncryptionKey(passphrase, salt, params);
  return wrapBoth(kek, keys, binding, salt, params);
}

/** The two keys of a backup, or null when the passphrase is not the one it was made with (or the keys were altered). */
export async function openBackupEnvelope(passphrase: string, envelope: Envelope, binding: string): Promise<VaultKeys | null> {
  if (envelope.scrypt === null) return null;
  const kek = await backupKeyEncryptionKey(passphrase, Buffer.from(envelope.salt, 'base64'), envelope.scrypt);
  return unwrapBoth(kek, envelope, binding);
}
