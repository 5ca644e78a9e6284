// Never log key material: the vault key and the opened state pass through here.
import { chmod, mkdir } from 'node:fs/promises';
import { CustodyError } from './custody-error';
import { appendAuditEntry, chainEntry, readLastAuditSeq } from './audit-log';
import { type CustodyLocation, auditFilePath, lockFilePath, vaultFilePath } from './custody-paths';
import { type Transition, assertOneActiveKeyPerWorkflow } from './key-lifecycle';
import { withVaultLock } from './vault-lock';
import type { SecretStore } from './secret-store';
import { deriveKey, provisionVaultKey, readVaultKey } from './vault-key';
import { type OpenedVault, newHeader, nextHeader, parseVaultHeader, readVaultText, unsealVault, writeVault } from './vault-file';
import { EMPTY_VAULT, type VaultState } from './vault-state';

export interface StoreOptions {
  location: CustodyLocation;
  secrets: SecretStore;
  user: string;
  clock: () => Date;
}

/**
 * The vault on disk: opening, and changing it one writer at a time. A change is written as one
 * sealed file (the commit point, carrying its audit entries' tail), then appended to the audit
 * log; a crash between the two is repaired by the next writer.
 */
export class VaultStore {
  private readonly vaultPath: string;
  private readonly auditPath: string;
  private vaultKey: Buffer | null = null;
  private cache: { generation: number; vaultId: string; opened: OpenedVault } | null = null;

  constructor(private readonly options: StoreOptions) {
    this.vaultPath = vaultFilePath(options.location.home);
    this.auditPath = auditFilePath(options.location.home);
  }

  get home(): string {
    return this.options.location.home;
  }

  get auditLogPath(): string {
    return this.auditPath;
  }

  async exists(): Promise<boolean> {
    return (await readVaultText(this.vaultPath)) !== null;
  }

  private async key(): Promise<Buffer> {
    this.vaultKey ??= await readVaultKey(this.options.secrets, this.options.location.keychainService);
    return this.vaultKey;
  }

  /** Forgets the vault key and the opened state held in memory. */
  lock(): void {
    this.vaultKey?.fill(0);
    this.vaultKey = null;
    this.cache = null;
  }

  async chainKey(): Promise<Buffer> {
    return deriveKey(await this.key(), 'audit-chain');
  }

  /** A whole, authenticated state; re-decrypted only when another writer has changed the file. */
  async open(): Promise<OpenedVault> {
    const text = await readVaultText(this.vaultPath);
    if (text === null) {
      throw new CustodyError(
        'VAULT_LOCKED',
        `There is no vault in ${this.home} yet. Run "custody init" or start the app to create one.`,
      );
    }
    const { generation, vaultId } = parseVaultHeader(text, this.vaultPath);
    if (this.cache && this.cache.generation === generation && this.cache.vaultId === vaultId) return this.cache.opened;
    const opened = unsealVault(text, this.vaultPath, await this.key());
    this.cache = { generation, vaultId, opened };
    return opened;
  }

  async init(): Promise<void> {
    await mkdir(this.home, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') await chmod(this.home, 0o700);
    await this.locked(async () => {
      if (await this.exists()) {
        throw new CustodyError('ALREADY_EXISTS', `A vault already exists in ${this.home}; nothing was changed.`);
      }
      this.vaultKey = await provisionVaultKey(this.options.secrets, this.options.location.keychainService);
      const now = this.options.clock();
      const entry = chainEntry(
        await this.chainKey(),
        null,
        { action: 'vault.init', workflowId: null, keyId: null, fingerprint: null, details: {} },
        this.options.user,
        now,
      );
      const state: VaultState = { ...EMPTY_VAULT, auditTail: entry };
      await writeVault(this.vaultPath, newHeader(now), state, this.vaultKey);
      await appendAuditEntry(this.auditPath, entry);
    });
  }

  /** Applies `change` to the newest state under the lock, so concurrent writers never lose updates. */
  async transact<T>(change: (state: VaultState, now: Date) => Transition<T>): Promise<T> {
    return this.locked(async () => {
      const { header, state } = await this.open();
      const chainKey = await this.chainKey();
      await this.repairAuditTail(state);
      const now = this.options.clock();
      const next = change(state, now);
      assertOneActiveKeyPerWorkflow(next.state);
      const entry = chainEntry(chainKey, state.auditTail, next.event, this.options.user, now);
      const written: VaultState = { ...next.state, auditTail: entry };
      const nextHead = nextHeader(header, now);
      await writeVault(this.vaultPath, nextHead, written, await this.key());
      this.cache = { generation: nextHead.generation, vaultId: nextHead.vaultId, opened: { header: nextHead, state: written } };
      await appendAuditEntry(this.auditPath, entry);
      return next.result;
    });
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    return withVaultLock(this.home, lockFilePath(this.home), work);
  }

  /** The vault is the commit point: an entry it holds that the log lacks was lost in a crash. */
  private async repairAuditTail(state: VaultState): Promise<void> {
    if (!state.auditTail) return;
    const lastLogged = await readLastAuditSeq(this.auditPath);
    if (lastLogged === state.auditTail.seq - 1) await appendAuditEntry(this.auditPath, state.auditTail);
  }
}
