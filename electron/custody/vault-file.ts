// Never log key material: the sealed part of the vault holds every key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CustodyError } from './custody-error';
import { writeFileAtomic } from './atomic-file';
import { readPrivateFile } from './safe-file';
import { type VaultState, VaultStateSchema } from './vault-state';

const FORMAT = 'workflow-key-custody/vault';
const VERSION = 1;

const VaultFileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  vaultId: z.string(),
  generation: z.number().int().nonnegative(),
  writtenAt: z.string(),
  nonce: z.string(),
  sealed: z.string(),
});
type VaultFile = z.infer<typeof VaultFileSchema>;
export type VaultHeader = Omit<VaultFile, 'nonce' | 'sealed'>;

export interface OpenedVault {
  header: VaultHeader;
  state: VaultState;
}

function corrupt(path: string, why: string): CustodyError {
  return new CustodyError(
    'VAULT_CORRUPT',
    `The vault file ${path} cannot be opened: ${why}. Nothing was changed. Restore vault.json from your backup.`,
  );
}

/** The header is authenticated as AAD, so a changed generation or id is caught like a changed key. */
export function aadOf(header: VaultHeader): Buffer {
  return Buffer.from(JSON.stringify([header.format, header.version, header.vaultId, header.generation, header.writtenAt]));
}

export function sealVault(header: VaultHeader, state: VaultState, vaultKey: Uint8Array): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', vaultKey, nonce);
  cipher.setAAD(aadOf(header));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(state), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const file: VaultFile = { ...header, nonce: nonce.toString('base64'), sealed: ciphertext.toString('base64') };
  return `${JSON.stringify(file, null, 1)}\n`;
}

export function parseVaultHeader(text: string, path: string): VaultFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw corrupt(path, 'it is not valid JSON');
  }
  const parsed = VaultFileSchema.safeParse(json);
  if (!parsed.success) throw corrupt(path, 'it is not a Workflow Key Custody vault of a known version');
  return parsed.data;
}

export function unsealVault(text: string, path: string, vaultKey: Uint8Array): OpenedVault {
  const { nonce, sealed, ...header } = parseVaultHeader(text, path);
  const sealedBytes = Buffer.from(sealed, 'base64');
  if (sealedBytes.length < 16) throw corrupt(path, 'the sealed part is truncated');
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', vaultKey, Buffer.from(nonce, 'base64'));
    decipher.setAAD(aadOf(header));
    decipher.setAuthTag(sealedBytes.subarray(sealedBytes.length - 16));
    plaintext = Buffer.concat([decipher.update(sealedBytes.subarray(0, sealedBytes.length - 16)), decipher.final()]);
  } catch {
    throw corrupt(path, 'it was altered or damaged, or sealed with a different vault key than the one in the keychain');
  }
  let state: unknown;
  try {
    state = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw corrupt(path, 'its sealed content is not valid');
  }
  const parsed = VaultStateSchema.safeParse(state);
  if (!parsed.success) throw corrupt(path, 'its sealed content is not of a known version');
  return { header, state: parsed.data };
}

/** `null` when there is no vault yet. */
export function readVaultText(path: string): Promise<string | null> {
  return readPrivateFile(path);
}

export async function writeVault(path: string, header: VaultHeader, state: VaultState, vaultKey: Uint8Array): Promise<void> {
  await writeFileAtomic(path, sealVault(header, state, vaultKey));
}

export function newHeader(now: Date): VaultHeader {
  return {
    format: FORMAT,
    version: VERSION,
    vaultId: randomBytes(8).toString('hex'),
    generation: 0,
    writtenAt: now.toISOString(),
  };
}

export function nextHeader(header: VaultHeader, now: Date): VaultHeader {
  return { ...header, generation: header.generation + 1, writtenAt: now.toISOString() };
}
