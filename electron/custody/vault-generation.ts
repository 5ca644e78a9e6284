// Never log key material: the keychain item read and written here also holds the keychain secret.
import { CustodyError } from './custody-error';
import { type KeychainItem, homeTag, loadItem, saveItem, withRecord } from './keychain-item';
import type { SecretStore } from './secret-store';

export interface GenerationOptions {
  secrets: SecretStore;
  service: string;
  home: string;
  vaultPath: string;
}

/** A vault the keychain recorded, by id, with the content generation it recorded. */
export interface RecordedVault {
  vaultId: string;
  generation: number;
}

/** What starting a new vault over a missing one discarded. */
export interface DiscardedVaults {
  /** The vaults last recorded in this folder; empty for an item of the first format, which names none. */
  vaults: RecordedVault[];
  /** Vaults of other folders recorded on the same keychain service: they still need its secret. */
  othersKept: number;
}

/** Whether an opened vault's generation is settled, or only the writer lock can tell. */
export type Confirmation = 'confirmed' | 'needs-lock';

function describeVaults(vaults: readonly RecordedVault[]): string {
  if (vaults.length === 0) return 'the vault last kept here';
  return vaults.map((v) => `vault ${v.vaultId} (content generation ${v.generation})`).join(', ');
}

/**
 * R17, the keychain's side: the content generation of each vault id, recorded in the keychain
 * item next to the secret (keychain-item.ts). The vault store calls `record` after every write that
 * moved the generation (the file first, the keychain after) and `confirm` whenever it opens a vault
 * file it has not opened before. Every generation read and write of the keychain is here.
 */
export class VaultGenerations {
  private readonly tag: string;

  constructor(private readonly options: GenerationOptions) {
    this.tag = homeTag(options.home);
  }

  /**
   * An opened vault against the record: older is VAULT_ROLLED_BACK; newer (a crash between the two
   * writes), unrecorded (a first open since the item was migrated) or moved from another folder is
   * recorded. Outside the writer lock only a match is settled: another writer may be between its
   * file write and its keychain write, so anything else is looked at again under the lock.
   */
  async confirm(vaultId: string, generation: number, underLock: boolean): Promise<Confirmation> {
    const item = await this.load();
    const record = item?.vaults[vaultId];
    if (record?.generation === generation && record.home === this.tag) return 'confirmed';
    if (!underLock) return 'needs-lock';
    if (record && generation < record.generation) throw this.rolledBack(vaultId, generation, record.generation);
    if (item) await this.save(withRecord(item, vaultId, { generation, home: this.tag }));
    return 'confirmed';
  }

  /** The generation the keychain recorded for `vaultId`; null when none. */
  async recorded(vaultId: string): Promise<number | null> {
    return (await this.load())?.vaults[vaultId]?.generation ?? null;
  }

  /**
   * A generation beyond every one recorded or known for `vaultId`: an accepted rollback (and a
   * restore) starts there, so a copy of the vault from before it is older than the record.
   */
  async beyond(vaultId: string, ...known: number[]): Promise<number> {
    return Math.max((await this.recorded(vaultId)) ?? 0, ...known) + 1;
  }

  /** After the vault file was written with `generation`: the keychain follows. */
  async record(vaultId: string, generation: number): Promise<void> {
    try {
      const item = await this.load();
      if (item) await this.save(withRecord(item, vaultId, { generation, home: this.tag }));
    } catch (error) {
      if (!(error instanceof CustodyError)) throw error;
      throw new CustodyError(
        error.code,
        `The change was saved in the vault, but the OS keychain could not record its generation: ${error.message} ` +
          'It is recorded the next time the vault opens.',
      );
    }
  }

  /**
   * No vault file here: VAULT_MISSING when the keychain recorded a vault in this folder (or holds an
   * item of the first format, which belonged to the one vault of its time), never a new empty vault.
   */
  async assertNotMissing(): Promise<void> {
    const item = await this.load();
    if (!item) return;
    const here = this.recordedHere(item);
    if (item.legacy || here.length > 0) throw this.missing(here);
  }

  /**
   * Starting a new vault over a missing one: forgets the records of this folder and says what was
   * forgotten (null: nothing was recorded here). The caller replaces the secret when no other vault
   * needs it.
   */
  async discardMissing(): Promise<DiscardedVaults | null> {
    const item = await this.load();
    if (!item) return null;
    if (item.legacy) return { vaults: [], othersKept: 0 };
    const here = this.recordedHere(item);
    if (here.length === 0) return null;
    const kept = Object.fromEntries(Object.entries(item.vaults).filter(([, record]) => record.home !== this.tag));
    const othersKept = Object.keys(kept).length;
    if (othersKept > 0) await this.save({ ...item, vaults: kept });
    return { vaults: here, othersKept };
  }

  private recordedHere(item: KeychainItem): RecordedVault[] {
    return Object.entries(item.vaults)
      .filter(([, record]) => record.home === this.tag)
      .map(([vaultId, record]) => ({ vaultId, generation: record.generation }));
  }

  private load(): Promise<KeychainItem | null> {
    return loadItem(this.options.secrets, this.options.service);
  }

  private save(item: KeychainItem): Promise<void> {
    return saveItem(this.options.secrets, this.options.service, item);
  }

  private rolledBack(vaultId: string, generation: number, recorded: number): CustodyError {
    return new CustodyError(
      'VAULT_ROLLED_BACK',
      `The vault file ${this.options.vaultPath} is older than the OS keychain says it should be: it holds content ` +
        `generation ${generation} of vault ${vaultId}, and the keychain recorded generation ${recorded}. Changes made ` +
        'since (new, rotated or deleted keys, workflows, settings) are not in it. Nothing was changed. Restore the newest ' +
        'vault.json from your backup, or accept this older vault explicitly with "custody recover --accept-rollback" ' +
        '(in the app: "Accept this older vault"); the acceptance is recorded in the audit log.',
    );
  }

  private missing(here: readonly RecordedVault[]): CustodyError {
    return new CustodyError(
      'VAULT_MISSING',
      `The vault file ${this.options.vaultPath} is missing, but the OS keychain (service "${this.options.service}") ` +
        `still holds the key of ${describeVaults(here)}. No new vault was created. Put vault.json back from your ` +
        'backup, or — only to discard that key and start a new, empty vault — run "custody init --new" ' +
        '(in the app: "Discard the old key and start a new vault").',
    );
  }
}
