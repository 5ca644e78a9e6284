// Never log key material: a backup's sealed part holds every key, and its envelope the vault's two keys.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { decodeBase64Strict } from './base64';
import { CustodyError } from './custody-error';
import { type Envelope, EnvelopeSchema, type VaultKeys, openBackupEnvelope, sealBackupEnvelope, zeroKeys } from './key-envelope';
import { type ScryptParams, scryptParamsProblem } from './scrypt-params';
import { type VaultState, VaultStateSchema, keyMaterialAsText } from './vault-state';

const FORMAT = 'workflow-key-custody/backup';
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What anyone can read without the passphrase: when, from which vault, how much. */
export const BackupHeaderSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    createdAt: z.iso.datetime(),
    vaultId: z.string().regex(/^[0-9a-f]{16}$/),
    workflows: z.number().int().nonnegative(),
    keys: z.number().int().nonnegative(),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

const BackupFileSchema = BackupHeaderSchema.extend({
  envelope: EnvelopeSchema.extend({ scrypt: EnvelopeSchema.shape.scrypt.unwrap() }).strict(),
  nonce: z.string(),
  sealed: z.string(),
}).strict();
type BackupFile = z.infer<typeof BackupFileSchema>;

/** The sealed part: the vault's state (every workflow, key, lifecycle state and setting) and its audit log as written. */
const BackupBodySchema = z.object({ state: VaultStateSchema, auditLog: z.string() }).strict();

export interface BackupContent {
  state: VaultState;
  /** The audit log file's text. */
  auditLog: string;
}

export interface OpenedBackup extends BackupContent {
  header: BackupHeader;
  /** The vault's data and audit keys, for the caller to zero-fill. */
  keys: VaultKeys;
}

export function backupInvalid(why: string): CustodyError {
  return new CustodyError('BACKUP_INVALID', `This backup cannot be restored: ${why}. Nothing was changed.`);
}

export function countsOf(state: VaultState): { workflows: number; keys: number } {
  return { workflows: state.workflows.length, keys: state.workflows.reduce((n, w) => n + w.keys.length, 0) };
}

/** The header in a fixed field order: the wrapped keys are bound to it. */
function binding(header: BackupHeader): string {
  return JSON.stringify([FORMAT, header.version, header.createdAt, header.vaultId, header.workflows, header.keys]);
}

/** The whole header, envelope included, authenticates the sealed part (AAD). */
function aadOf(header: BackupHeader, envelope: Envelope): Buffer {
  const { salt, scrypt, dataKey, auditKey } = envelope;
  const wrapped = [
    salt,
    scrypt && [scrypt.N, scrypt.r, scrypt.p],
    dataKey.nonce,
    dataKey.sealed,
    auditKey.nonce,
    auditKey.sealed,
  ];
  return Buffer.from(JSON.stringify([binding(header), wrapped]));
}

export interface BackupInput extends BackupContent {
  vaultId: string;
  keys: VaultKeys;
  passphrase: string;
  params: ScryptParams;
  now: Date;
}

/** R16: the file's text. The body is sealed under the vault's data key, which the envelope wraps under the passphrase. */
export async function sealBackup({ state, auditLog, vaultId, keys, passphrase, params, now }: BackupInput): Promise<string> {
  const header: BackupHeader = { format: FORMAT, version: VERSION, createdAt: now.toISOString(), vaultId, ...countsOf(state) };
  const envelope = await sealBackupEnvelope(passphrase, keys, binding(header), params);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.dataKey, nonce);
  cipher.setAAD(aadOf(header, envelope));
  const plaintext = Buffer.from(JSON.stringify({ state, auditLog }, keyMaterialAsText), 'utf8');
  try {
    const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    const file: BackupFile = { ...header, envelope, nonce: nonce.toString('base64'), sealed: sealed.toString('base64') };
    return `${JSON.stringify(file, null, 1)}\n`;
  } finally {
    plaintext.fill(0);
  }
}

function parseBackupFile(text: string): BackupFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw backupInvalid('it is not a whole backup file (it is truncated, damaged, or another kind of file)');
  }
  const parsed = BackupFileSchema.safeParse(json);
  if (!parsed.success) throw backupInvalid('it is not a Workflow Key Custody backup of a known version, or it was altered');
  const problem = scryptParamsProblem(parsed.data.envelope.scrypt);
  if (problem) throw backupInvalid(`its passphrase parameters were altered (${problem})`);
  return parsed.data;
}

/** The header alone, without the passphrase (`custody restore --dry-run`, the app's confirm dialog). */
export function readBackupHeader(text: string): BackupHeader {
  const { envelope: _envelope, nonce: _nonce, sealed: _sealed, ...header } = parseBackupFile(text);
  return header;
}

/** Base64 that decodes to exactly these bytes and no others: a changed padding bit is a change too. */
function strictBytes(text: string): Buffer {
  const bytes = decodeBase64Strict(text);
  if (!bytes || bytes.toString('base64') !== text) throw backupInvalid('it was altered or damaged');
  return bytes;
}

function unsealBody(file: BackupFile, header: BackupHeader, dataKey: Buffer): BackupContent {
  const sealed = strictBytes(file.sealed);
  const nonce = strictBytes(file.nonce);
  if (sealed.length < TAG_BYTES || nonce.length !== NONCE_BYTES) throw backupInvalid('it is truncated or damaged');
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, nonce);
    decipher.setAAD(aadOf(header, file.envelope));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    plaintext = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw backupInvalid('it was altered or damaged (its authentication tag does not match)');
  }
  try {
    const parsed = BackupBodySchema.safeParse(JSON.parse(plaintext.toString('utf8')));
    if (!parsed.success) throw backupInvalid('its sealed content is not of a known version');
    return parsed.data;
  } catch (error) {
    throw error instanceof CustodyError ? error : backupInvalid('its sealed content is not valid');
  } finally {
    plaintext.fill(0);
  }
}

/**
 * Opens a whole backup: its format, the passphrase (a wrong one and altered wrapped keys cannot be
 * told apart: both are BACKUP_INVALID), the tag over header and body, and the counts the header
 * states. The rules on the content are restore's to check (vault-restore.ts).
 */
export async function openBackup(text: string, passphrase: string): Promise<OpenedBackup> {
  const file = parseBackupFile(text);
  const { envelope, nonce: _nonce, sealed: _sealed, ...header } = file;
  for (const wrapped of [envelope.dataKey, envelope.auditKey]) [wrapped.nonce, wrapped.sealed].forEach(strictBytes);
  strictBytes(envelope.salt);
  const keys = await openBackupEnvelope(passphrase, envelope, binding(header));
  if (!keys) throw backupInvalid('the backup passphrase is wrong, or the file was altered');
  try {
    const content = unsealBody(file, header, keys.dataKey);
    const counts = countsOf(content.state);
    if (counts.workflows !== header.workflows || counts.keys !== header.keys) {
      throw backupInvalid('its header does not match its content');
    }
    return { header, keys, ...content };
  } catch (error) {
    zeroKeys(keys);
    throw error;
  }
}
