// Never log key material: the sealed part of the vault holds every key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CustodyError } from './custody-error';
import { writeFileAtomic } from './atomic-file';
import { type Envelope, EnvelopeSchema } from './key-envelope';
import { scryptParamsProblem } from './scrypt-params';
import { readPrivateFile } from './safe-file';
import { type VaultState, VaultStateSchema, keyMaterialAsText } from './vault-state';

const FORMAT = 'workflow-key-custody/vault';
/** The first format: sealed directly under the key in the keychain. Read only, to migrate it. */
const LEGACY_VERSION = 1;
/** The key envelope (DESIGN §3): sealed under a data key that the header carries wrapped. */
const VERSION = 2;

const common = {
  format: z.literal(FORMAT),
  vaultId: z.string(),
  generation: z.number().int().nonnegative(),
  writtenAt: z.string(),
  nonce: z.string(),
  sealed: z.string(),
};
const LegacyVaultFileSchema = z.object({ ...common, version: z.literal(LEGACY_VERSION) });
const VaultFileSchema = z.object({ ...common, version: z.literal(VERSION), envelope: EnvelopeSchema });
const AnyVaultFileSchema = z.discriminatedUnion('version', [LegacyVaultFileSchema, VaultFileSchema]);

export type LegacyVaultFile = z.infer<typeof LegacyVaultFileSchema>;
export type VaultFile = z.infer<typeof VaultFileSchema>;
export type AnyVaultFile = LegacyVaultFile | VaultFile;
export type VaultHeader = Omit<VaultFile, 'nonce' | 'sealed'>;

export interface OpenedVault {
  header: VaultHeader;
  state: VaultState;
}

export function vaultCorrupt(path: string, why: string): CustodyError {
  return new CustodyError(
    'VAULT_CORRUPT',
    `The vault file ${path} cannot be opened: ${why}. Nothing was changed. Restore vault.json from your backup.`,
  );
}

/**
 * The header is authenticated as AAD, so a changed generation, id or envelope is caught like a
 * changed key. The first format's AAD is kept as it was, to read it.
 */
function aadOf(header: Omit<LegacyVaultFile, 'nonce' | 'sealed'> | VaultHeader): Buffer {
  const fields = [header.format, header.version, header.vaultId, header.generation, header.writtenAt];
  if (header.version === LEGACY_VERSION) return Buffer.from(JSON.stringify(fields));
  const { salt, scrypt, dataKey, auditKey } = header.envelope;
  const envelope = [
    salt,
    scrypt && [scrypt.N, scrypt.r, scrypt.p],
    dataKey.nonce,
    dataKey.sealed,
    auditKey.nonce,
    auditKey.sealed,
  ];
  return Buffer.from(JSON.stringify([...fields, envelope]));
}

export function sealVault(header: VaultHeader, state: VaultState, dataKey: Uint8Array): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce);
  cipher.setAAD(aadOf(header));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(state, keyMaterialAsText), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const file: VaultFile = { ...header, nonce: nonce.toString('base64'), sealed: ciphertext.toString('base64') };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** The file's header, checked before any key is used; scrypt parameters are capped here. */
export function parseVaultFile(text: string, path: string): AnyVaultFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw vaultCorrupt(path, 'it is not valid JSON');
  }
  const parsed = AnyVaultFileSchema.safeParse(json);
  if (!parsed.success) throw vaultCorrupt(path, 'it is not a Workflow Key Custody vault of a known version');
  const file = parsed.data;
  if (file.version === VERSION && file.envelope.scrypt) {
    const problem = scryptParamsProblem(file.envelope.scrypt);
    if (problem) throw vaultCorrupt(path, `its passphrase parameters were altered (${problem})`);
  }
  return file;
}

/** The state, authenticated under the first format's vault key or the envelope's data key. */
export function unsealState(file: AnyVaultFile, path: string, key: Uint8Array): VaultState {
  const { nonce, sealed, ...header } = file;
  const sealedBytes = Buffer.from(sealed, 'base64');
  if (sealedBytes.length < 16) throw vaultCorrupt(path, 'the sealed part is truncated');
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'));
    decipher.setAAD(aadOf(header));
    decipher.setAuthTag(sealedBytes.subarray(sealedBytes.length - 16));
    plaintext = Buffer.concat([decipher.update(sealedBytes.subarray(0, sealedBytes.length - 16)), decipher.final()]);
  } catch {
    throw vaultCorrupt(path, 'it was altered or damaged, or sealed with a different key than the one in the keychain');
  }
  let state: unknown;
  try {
    state = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw vaultCorrupt(path, 'its sealed content is not valid');
  } finally {
    plaintext.fill(0);
  }
  const parsed = VaultStateSchema.safeParse(state);
  if (!parsed.success) throw vaultCorrupt(path, 'its sealed content is not of a known version');
  return parsed.data;
}

/** `null` when there is no vault yet. */
export function readVaultText(path: string): Promise<string | null> {
  return readPrivateFile(path);
}

export async function writeVault(path: string, header: VaultHeader, state: VaultState, dataKey: Uint8Array): Promise<void> {
  await writeFileAtomic(path, sealVault(header, state, dataKey));
}

export function newVaultId(): string {
  return randomBytes(8).toString('hex');
}

export function newHeader(vaultId: string, envelope: Envelope, now: Date): VaultHeader {
  return { format: FORMAT, version: VERSION, vaultId, generation: 0, writtenAt: now.toISOString(), envelope };
}

/** The next write's header: a first-format header becomes the envelope's, keeping its id and count. */
export function nextHeader(previous: { vaultId: string; generation: number }, envelope: Envelope, now: Date): VaultHeader {
  return {
    format: FORMAT,
    version: VERSION,
    vaultId: previous.vaultId,
    generation: previous.generation + 1,
    writtenAt: now.toISOString(),
    envelope,
  };
}
