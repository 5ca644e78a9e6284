// Never log key material: the item holds the keychain secret.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CustodyError } from './custody-error';
import { VAULT_KEY_ACCOUNT } from './custody-paths';
import type { SecretStore } from './secret-store';

const ITEM_FORMAT = 'workflow-key-custody/keychain';
const ITEM_VERSION = 2;

/**
 * Vaults recorded in one item at most; the least recently recorded goes first. Windows Credential
 * Manager keeps at most 2,560 bytes per item, and the item must stay well inside that.
 */
export const MAX_RECORDED_VAULTS = 24;

/** R17: a vault's content generation as last written, and a tag of the folder that held it. */
const VaultRecordSchema = z.object({ generation: z.number().int().nonnegative(), home: z.string().max(16) }).strict();
export type VaultRecord = z.infer<typeof VaultRecordSchema>;

const ItemSchema = z
  .object({
    format: z.literal(ITEM_FORMAT),
    version: z.literal(ITEM_VERSION),
    secret: z.string(),
    vaults: z.record(z.string().max(64), VaultRecordSchema),
  })
  .strict();

/** The keychain item "vault-key": the keychain secret (base64) and the generation of each vault id. */
export interface KeychainItem {
  secret: string;
  vaults: Record<string, VaultRecord>;
  /** The first format: the bare secret, no records. Rewritten into this one once. */
  legacy: boolean;
}

/** A short, stable tag of a vault folder, so a record says where its vault was without the item growing. */
export function homeTag(home: string): string {
  return createHash('sha256').update(resolve(home)).digest('hex').slice(0, 16);
}

function notAVaultKey(): CustodyError {
  return new CustodyError(
    'VAULT_KEY_MISSING',
    `The keychain item "${VAULT_KEY_ACCOUNT}" does not hold a vault key. Restore the keychain item that belongs to this vault.`,
  );
}

/** The item's text: the current format (JSON), or the first one (the bare base64 secret). */
export function parseItem(stored: string): KeychainItem {
  if (!stored.trimStart().startsWith('{')) return { secret: stored, vaults: {}, legacy: true };
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    throw notAVaultKey();
  }
  const parsed = ItemSchema.safeParse(json);
  if (!parsed.success) throw notAVaultKey();
  return { secret: parsed.data.secret, vaults: parsed.data.vaults, legacy: false };
}

export function serializeItem(item: Pick<KeychainItem, 'secret' | 'vaults'>): string {
  const ids = Object.keys(item.vaults);
  // Insertion order is recording order: the oldest records are dropped first.
  const kept = Object.fromEntries(ids.slice(-MAX_RECORDED_VAULTS).map((id) => [id, item.vaults[id]]));
  return JSON.stringify({ format: ITEM_FORMAT, version: ITEM_VERSION, secret: item.secret, vaults: kept });
}

/** The item with `vaultId`'s record set, moved to the end as the most recently recorded. */
export function withRecord(item: KeychainItem, vaultId: string, record: VaultRecord): KeychainItem {
  const { [vaultId]: _previous, ...others } = item.vaults;
  return { ...item, vaults: { ...others, [vaultId]: record } };
}

/** null when the keychain holds no item for `service`. */
export async function loadItem(store: SecretStore, service: string): Promise<KeychainItem | null> {
  const stored = await store.get(service, VAULT_KEY_ACCOUNT);
  return stored === null ? null : parseItem(stored);
}

/** Writes the item; `readBack`: reads it back and compares, for a write that must not be lost silently. */
export async function saveItem(
  store: SecretStore,
  service: string,
  item: Pick<KeychainItem, 'secret' | 'vaults'>,
  readBack = false,
): Promise<void> {
  const text = serializeItem(item);
  await store.set(service, VAULT_KEY_ACCOUNT, text);
  if (readBack && (await store.get(service, VAULT_KEY_ACCOUNT)) !== text) {
    throw new CustodyError(
      'KEYCHAIN_UNAVAILABLE',
      'The OS keychain did not keep the vault key item (it read back differently). Nothing else was written; check the keychain and try again.',
    );
  }
}
