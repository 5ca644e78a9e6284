// Never log key material: the keychain secret, the passphrase, the vault's keys and the opened state pass through here.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { NewPassphraseSchema, PASSPHRASE_MAX_CHARS } from '../../shared/settings';
import { CustodyError } from './custody-error';
import { type AuditRepair, appendAuditEntry, auditNeedsRepair, chainEntry, repairAuditLog } from './audit-log';
import { continuedAuditTail } from './audit-continuation';
import { nextContentGeneration } from './content-generation';
import { setAsideAuditLog } from './discarded-audit-log';
import { type CustodyLocation, auditFilePath, failedUnlocksFilePath, lockFilePath, vaultFilePath } from './custody-paths';
import { type AuditEvent, type Transition, assertOneActiveKeyPerWorkflow } from './key-lifecycle';
import { type Envelope, type VaultKeys, newVaultKeys, openEnvelope, sealEnvelope, zeroKeys } from './key-envelope';
import { SCRYPT_DEFAULTS, type ScryptParams } from './scrypt-params';
import type { SecretStore } from './secret-store';
import {
  FREE_TRIES,
  type FailedUnlocks,
  readFailedUnlocks,
  throttled,
  unlockWaitMs,
  withFailure,
  writeFailedUnlocks,
} from './unlock-throttle';
import { type DiscardedVaults, VaultGenerations } from './vault-generation';
import { withVaultLock } from './vault-lock';
import { writeFileAtomic } from './atomic-file';
import { readPrivateFile } from './safe-file';
import { legacyAuditKey, provisionKeychainSecret, readKeychainSecret } from './vault-key';
import {
  type AnyVaultFile,
  type OpenedVault,
  type VaultFile,
  newHeader,
  newVaultId,
  nextHeader,
  parseVaultFile,
  readVaultText,
  unsealState,
  vaultCorrupt,
  writeVault,
} from './vault-file';
import { EMPTY_VAULT, type VaultState, zeroKeyMaterial } from './vault-state';

export interface StoreOptions {
  location: CustodyLocation;
  secrets: SecretStore;
  user: string;
  clock: () => Date;
  /**
   * Asked when a vault with a passphrase must be opened and is not unlocked (the CLI: the terminal or
   * --passphrase-file). Without it such a vault answers VAULT_LOCKED until `unlock`.
   */
  askPassphrase?: () => Promise<string>;
  /** The scrypt cost of a new passphrase; only tests lower it. */
  scrypt?: ScryptParams;
}

/** The vault as a backup holds it (R16). */
export interface VaultSnapshot {
  vaultId: string;
  state: VaultState;
  /** The audit log file's text. */
  auditLog: string;
  keys: VaultKeys;
}

/** What status needs, read from the header alone. */
export interface LockState {
  passphraseSet: boolean;
  /** The keys are not held and opening needs `unlock`. */
  locked: boolean;
  /** When the next passphrase try is allowed, while too many were wrong. */
  throttledUntil: string | null;
}

/** What `init` did besides creating the vault. */
export interface NewVault {
  /** Starting over (`init --new`): what the keychain recorded in this folder and was discarded; null: nothing. */
  discarded: DiscardedVaults | null;
  /** Whether a new keychain secret replaced the old one (no other vault on the keychain service needed it). */
  secretReplaced: boolean;
  /** Where an audit log left by an earlier vault was set aside; null: there was none. */
  auditLogSetAside: string | null;
}

/** R17: an older vault accepted on purpose, with the generation the keychain had recorded. */
export interface AcceptedRollback {
  acceptedGeneration: number;
  recordedGeneration: number;
}

/** The vault a write builds on: its header (of either format) and its state. */
interface Previous {
  header: { vaultId: string; generation: number; envelope?: Envelope };
  state: VaultState;
}

function hasPassphrase(file: AnyVaultFile): boolean {
  return file.version === 2 && file.envelope.scrypt !== null;
}

function event(action: AuditEvent['action'], details: AuditEvent['details'] = {}): AuditEvent {
  return { action, workflowId: null, keyId: null, fingerprint: null, details };
}

function invalid(message: string): CustodyError {
  return new CustodyError('INVALID_INPUT', message);
}

/** A new passphrase is checked before anything else happens, so a bad one changes nothing. */
function checkNewPassphrase(passphrase: string): void {
  const parsed = NewPassphraseSchema.safeParse(passphrase);
  if (!parsed.success)
    throw invalid(`Invalid new passphrase: ${parsed.error.issues[0]?.message ?? 'not valid'}. Nothing was changed.`);
}

/** An empty or oversized "current passphrase" is a slip, not a guess: refused without counting as a try. */
function checkGivenPassphrase(passphrase: string): void {
  if (passphrase === '') throw invalid('No passphrase was given. Nothing was tried or changed.');
  if (passphrase.length > PASSPHRASE_MAX_CHARS) {
    throw invalid(`A passphrase has at most ${PASSPHRASE_MAX_CHARS} characters. Nothing was tried or changed.`);
  }
}

function wrongPassphrase(record: FailedUnlocks): CustodyError {
  const left = FREE_TRIES - record.failures;
  const then =
    left > 0
      ? `${left} more ${left === 1 ? 'try' : 'tries'} before each next try must wait.`
      : 'Each next try must wait, from 30 s, doubling.';
  return new CustodyError('WRONG_PASSPHRASE', `The passphrase is wrong; nothing was changed. ${then}`);
}

/**
 * The vault on disk: opening, unlocking, and changing it one writer at a time. A change is written
 * as one sealed file (the commit point, carrying its audit entries' tail), then appended to the
 * audit log; a crash between the two is repaired by the next writer.
 *
 * The keychain secret opens the key envelope in the header (with the passphrase, when one is set);
 * the envelope holds the data key that seals the state and the audit key of the chain. Only those
 * two keys are held, from unlock to lock.
 */
export class VaultStore {
  private readonly vaultPath: string;
  private readonly auditPath: string;
  private readonly failuresPath: string;
  /** R17: the keychain's record of each vault's content generation. */
  private readonly generations: VaultGenerations;
  private held: { vaultId: string; keys: VaultKeys } | null = null;
  /** After `lock`, only `unlock` opens the vault again, even one without a passphrase. */
  private lockedByUser = false;
  /** Counts locks, so an unlock that a lock overtook does not open the vault. */
  private lockEpoch = 0;
  private cache: { generation: number; vaultId: string; opened: OpenedVault } | null = null;
  /** Work under the writer lock, which may be using the held keys. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: StoreOptions) {
    this.vaultPath = vaultFilePath(options.location.home);
    this.auditPath = auditFilePath(options.location.home);
    this.failuresPath = failedUnlocksFilePath(options.location.home);
    this.generations = new VaultGenerations({
      secrets: options.secrets,
      service: options.location.keychainService,
      home: options.location.home,
      vaultPath: this.vaultPath,
    });
  }

  get home(): string {
    return this.options.location.home;
  }

  get keychainService(): string {
    return this.options.location.keychainService;
  }

  get auditLogPath(): string {
    return this.auditPath;
  }

  async exists(): Promise<boolean> {
    return (await readVaultText(this.vaultPath)) !== null;
  }

  /**
   * null when there is no vault yet; VAULT_MISSING when the keychain says there was one here (R17).
   * Otherwise reads the header only: no key, no keychain.
   */
  async lockState(): Promise<LockState | null> {
    const text = await readVaultText(this.vaultPath);
    if (text === null) {
      await this.generations.assertNotMissing();
      return null;
    }
    const file = parseVaultFile(text, this.vaultPath);
    const passphraseSet = hasPassphrase(file);
    const now = this.options.clock();
    const wait = passphraseSet ? unlockWaitMs(await readFailedUnlocks(this.failuresPath), now) : 0;
    return {
      passphraseSet,
      locked: this.held?.vaultId !== file.vaultId && (this.lockedByUser || passphraseSet),
      throttledUntil: wait > 0 ? new Date(now.getTime() + wait).toISOString() : null,
    };
  }

  /**
   * Zero-fills and forgets the vault's keys and the opened state (its key material too); only
   * `unlock` opens it again.
   */
  lock(): void {
    if (this.held) this.retire(this.held.keys, this.cache?.opened.state ?? null);
    this.held = null;
    this.cache = null;
    this.lockedByUser = true;
    this.lockEpoch += 1;
  }

  /**
   * Opens the key envelope and holds its keys. `passphrase` is needed when one is set (and ignored
   * otherwise). A wrong one is WRONG_PASSPHRASE and counts towards the throttle; wrong ones before
   * a success are then audited.
   */
  async unlock(passphrase: string | null): Promise<void> {
    const epoch = this.lockEpoch;
    const failures = await this.locked(async () => {
      const file = await this.migrated();
      const { keys, failures } = await this.openEnvelopeOf(file, passphrase);
      // A lock that arrived while the passphrase was being checked wins.
      if (epoch !== this.lockEpoch) {
        zeroKeys(keys);
        throw this.lockedError(hasPassphrase(file));
      }
      this.hold(file.vaultId, keys);
      this.lockedByUser = false;
      return failures;
    });
    if (!failures) return;
    // The count is cleared only once the wrong tries are in the audit log, so none goes unrecorded.
    try {
      await this.transact((state) => ({ state, event: failedTries(failures), result: undefined }));
    } catch (error) {
      // R17: the unlock holds; what opens the vault next reports the rollback, and the tries wait in their file.
      if (isRolledBack(error)) return;
      throw error;
    }
    await writeFailedUnlocks(this.failuresPath, null);
  }

  /** A whole, authenticated state; re-decrypted only when another writer has changed the file. */
  async open(): Promise<OpenedVault> {
    return (await this.openWithKeys(false)).opened;
  }

  /** A copy of the key of the audit chain (R11), for the caller to zero-fill when done. */
  async auditKey(): Promise<Buffer> {
    return Buffer.from((await this.openWithKeys(false)).keys.auditKey);
  }

  /**
   * Creates the vault. Where the keychain recorded a vault in this folder and its file is gone, that
   * is VAULT_MISSING (R17) unless `discardMissing` (`init --new`): then the record is discarded, and
   * the keychain secret is replaced unless another vault on the same service still needs it.
   */
  async init(options: { discardMissing?: boolean } = {}): Promise<NewVault> {
    await mkdir(this.home, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') await chmod(this.home, 0o700);
    return this.locked(async () => {
      if (await this.exists()) {
        throw new CustodyError('ALREADY_EXISTS', `A vault already exists in ${this.home}; nothing was changed.`);
      }
      const discarded = options.discardMissing ? await this.generations.discardMissing() : null;
      if (!options.discardMissing) await this.generations.assertNotMissing();
      const secretReplaced = discarded !== null && discarded.othersKept === 0;
      const { keychainService } = this.options.location;
      const secret = await provisionKeychainSecret(this.options.secrets, keychainService, secretReplaced);
      const keys = newVaultKeys();
      const vaultId = newVaultId();
      let auditLogSetAside: string | null;
      try {
        const envelope = await sealEnvelope({ secret, passphrase: null, keys, vaultId, params: this.scryptParams });
        const now = this.options.clock();
        auditLogSetAside = await setAsideAuditLog(this.auditPath, now);
        const entry = chainEntry(keys.auditKey, null, event('vault.init'), this.options.user, now);
        await writeVault(this.vaultPath, newHeader(vaultId, envelope, now), { ...EMPTY_VAULT, auditTail: entry }, keys.dataKey);
        await appendAuditEntry(this.auditPath, entry);
        await this.generations.record(vaultId, EMPTY_VAULT.contentGeneration);
      } catch (error) {
        zeroKeys(keys);
        throw error;
      } finally {
        secret.fill(0);
      }
      this.hold(vaultId, keys);
      this.lockedByUser = false;
      return { discarded, secretReplaced, auditLogSetAside };
    });
  }

  /**
   * R17: opens, on purpose, a vault file older than the keychain's record (VAULT_ROLLED_BACK). It
   * gets a generation beyond the record, so the newer file it replaces would now be the older one,
   * and an audit entry naming both generations, chained after the log's last entry so the log keeps
   * the undone changes and still verifies. INVALID_INPUT when the vault is not older.
   */
  async acceptRollback(): Promise<AcceptedRollback> {
    // A passphrase is asked before the lock, as for every change.
    await this.keysFor(await this.current(false), false);
    return this.locked(async () => {
      const file = await this.current(true);
      const keys = await this.keysFor(file, true);
      const state = unsealState(file, this.vaultPath, keys.dataKey);
      const recorded = await this.generations.recorded(file.vaultId);
      if (recorded === null || state.contentGeneration >= recorded) {
        throw invalid(
          `The vault in ${this.home} is not older than the keychain's record: there is nothing to accept. Nothing was changed.`,
        );
      }
      const accepted = { acceptedGeneration: state.contentGeneration, recordedGeneration: recorded };
      const auditTail = await continuedAuditTail(this.auditPath, keys.auditKey, state.auditTail);
      const now = this.options.clock();
      const acceptance = event('vault.acceptRollback', { ...accepted });
      await this.commit({ header: file, state }, file.envelope, { ...state, auditTail }, keys, acceptance, now, true);
      return accepted;
    });
  }

  /** Applies `change` to the newest state under the lock, so concurrent writers never lose updates. */
  async transact<T>(change: (state: VaultState, now: Date) => Transition<T>): Promise<T> {
    // Unlocking (perhaps asking for the passphrase) happens before the lock, never while holding it.
    await this.openWithKeys(false);
    return this.locked(async () => {
      const { opened, keys } = await this.openWithKeys(true);
      const current = await this.repairAuditTail(opened, keys);
      const now = this.options.clock();
      const next = change(current.state, now);
      if (next.event === null) return next.result;
      assertOneActiveKeyPerWorkflow(next.state);
      await this.commit(current, current.header.envelope, next.state, keys, next.event, now);
      return next.result;
    });
  }

  /**
   * R16's backup: `write` gets one consistent snapshot under the writer lock — the state, the audit
   * log as written and the held keys (not to be zero-filled) — and its event is then committed.
   */
  async snapshot<T>(write: (snapshot: VaultSnapshot, now: Date) => Promise<Transition<T>>): Promise<T> {
    await this.openWithKeys(false);
    return this.locked(async () => {
      const { opened, keys } = await this.openWithKeys(true);
      const current = await this.repairAuditTail(opened, keys);
      const auditLog = (await readPrivateFile(this.auditPath)) ?? '';
      const now = this.options.clock();
      const next = await write({ vaultId: current.header.vaultId, state: current.state, auditLog, keys }, now);
      if (next.event) await this.commit(current, current.header.envelope, next.state, keys, next.event, now);
      return next.result;
    });
  }

  /**
   * R16's restore, through the one write path: under the writer lock, `setAside` copies whatever is
   * there and says what to audit, then the restored audit log is written and the restored state
   * committed with that entry under a new vault id, its keys wrapped under this keychain's item (made if there is none). The
   * caller keeps and zero-fills `restored.keys`; the store holds copies.
   */
  async restore(restored: VaultSnapshot, setAside: () => Promise<AuditEvent>): Promise<void> {
    await mkdir(this.home, { recursive: true, mode: 0o700 });
    await this.locked(async () => {
      const restoreEvent = await setAside();
      const vaultId = newVaultId();
      const keys = { dataKey: Buffer.from(restored.keys.dataKey), auditKey: Buffer.from(restored.keys.auditKey) };
      const secret = await provisionKeychainSecret(this.options.secrets, this.options.location.keychainService);
      try {
        const envelope = await sealEnvelope({ secret, passphrase: null, keys, vaultId, params: this.scryptParams });
        await writeFileAtomic(this.auditPath, restored.auditLog);
        // R17: the restored vault starts a generation of its own, recorded in the keychain.
        const previous = { header: { vaultId, generation: 0 }, state: restored.state };
        await this.commit(previous, envelope, restored.state, keys, restoreEvent, this.options.clock(), true);
      } catch (error) {
        zeroKeys(keys);
        throw error;
      } finally {
        secret.fill(0);
      }
      this.hold(vaultId, keys);
      this.lockedByUser = false;
    });
  }

  /** Wraps the two keys under the keychain secret and a new passphrase; refused when one is set. */
  async setPassphrase(passphrase: string): Promise<void> {
    checkNewPassphrase(passphrase);
    // Checked before opening, so a vault with a passphrase never asks for it here.
    if (hasPassphrase(await this.readFile())) throw alreadySet();
    await this.openWithKeys(false);
    await this.locked(async () => {
      const { opened, keys } = await this.openWithKeys(true);
      if (opened.header.envelope.scrypt) throw alreadySet();
      const current = await this.repairAuditTail(opened, keys);
      const envelope = await this.envelopeFor(current.header.vaultId, keys, passphrase);
      await this.commit(current, envelope, current.state, keys, event('passphrase.set'), this.options.clock());
    });
  }

  /**
   * Re-wraps the two keys under `next` (null: the keychain secret alone), once `current` has opened
   * them. Nothing else is re-keyed, so the audit chain keeps verifying; the sealed file is replaced
   * in one atomic write, so a crash leaves the old or the new passphrase working.
   */
  async changePassphrase(current: string, next: string | null): Promise<void> {
    if (next !== null) checkNewPassphrase(next);
    checkGivenPassphrase(current);
    await this.locked(async () => {
      const file = await this.migrated();
      if (!hasPassphrase(file)) {
        throw invalid(
          'This vault has no passphrase to change or remove; set one with "custody passphrase set". Nothing was changed.',
        );
      }
      const { keys, failures } = await this.openEnvelopeOf(file, current);
      try {
        let current = await this.repairAuditTail({ header: file, state: unsealState(file, this.vaultPath, keys.dataKey) }, keys);
        if (failures) {
          const { envelope } = current.header;
          current = await this.commit(current, envelope, current.state, keys, failedTries(failures), this.options.clock());
          await writeFailedUnlocks(this.failuresPath, null);
        }
        const envelope = await this.envelopeFor(file.vaultId, keys, next);
        const action = next === null ? 'passphrase.remove' : 'passphrase.change';
        await this.commit(current, envelope, current.state, keys, event(action), this.options.clock());
      } finally {
        zeroKeys(keys);
      }
    });
  }

  private get scryptParams(): ScryptParams {
    return this.options.scrypt ?? SCRYPT_DEFAULTS;
  }

  private hold(vaultId: string, keys: VaultKeys): void {
    if (this.held && this.held.keys !== keys) this.retire(this.held.keys);
    this.held = { vaultId, keys };
  }

  /**
   * Zero-fills keys no longer held, and the key material of the unsealed state that goes with
   * them, once every write already under way has finished: a lock in the middle of a write lets it
   * complete with the keys and state it started with, never with zeroed ones.
   */
  private retire(keys: VaultKeys, state: VaultState | null = null): void {
    void Promise.allSettled([...this.inFlight]).then(() => {
      zeroKeys(keys);
      if (state) zeroKeyMaterial(state);
    });
  }

  private async readFile(): Promise<AnyVaultFile> {
    const text = await readVaultText(this.vaultPath);
    if (text === null) {
      await this.generations.assertNotMissing();
      throw new CustodyError(
        'VAULT_NOT_INITIALISED',
        `There is no vault in ${this.home} yet. Run "custody init" or start the app to create one.`,
      );
    }
    return parseVaultFile(text, this.vaultPath);
  }

  /** The vault file, rewritten into the key envelope first when it is of the first format. */
  private async current(underLock: boolean): Promise<VaultFile> {
    const file = await this.readFile();
    if (file.version === 2) return file;
    return underLock ? this.migrated() : this.locked(() => this.migrated());
  }

  /** `underLock`: true inside the writer lock, where nobody may wait on a person typing a passphrase. */
  private async openWithKeys(underLock: boolean): Promise<{ opened: OpenedVault; keys: VaultKeys }> {
    let file = await this.current(underLock);
    if (this.held?.vaultId !== file.vaultId) {
      await this.keysFor(file, underLock);
      // Unlocking may itself have written (wrong tries are audited): read what it wrote.
      file = await this.current(underLock);
    }
    const keys = await this.keysFor(file, underLock);
    if (this.cache && this.cache.generation === file.generation && this.cache.vaultId === file.vaultId) {
      return { opened: this.cache.opened, keys };
    }
    const { nonce: _nonce, sealed: _sealed, ...header } = file;
    const opened = { header, state: unsealState(file, this.vaultPath, keys.dataKey) };
    // R17: only the writer lock tells an older file from another writer's change not yet recorded.
    if ((await this.generations.confirm(file.vaultId, opened.state.contentGeneration, underLock)) === 'needs-lock') {
      return this.locked(() => this.openWithKeys(true));
    }
    // A crash during another writer's change left the log behind the vault: repaired before it is read.
    if (!underLock && (await auditNeedsRepair(this.auditPath, opened.state.auditTail))) {
      return this.locked(async () => {
        const fresh = await this.openWithKeys(true);
        return { opened: await this.repairAuditTail(fresh.opened, fresh.keys), keys: fresh.keys };
      });
    }
    this.cache = { generation: file.generation, vaultId: file.vaultId, opened };
    return { opened, keys };
  }

  /** The held keys, or the keychain's alone (no passphrase), or the passphrase asked for (the CLI). */
  private async keysFor(file: VaultFile, underLock: boolean): Promise<VaultKeys> {
    if (this.held?.vaultId === file.vaultId) return this.held.keys;
    const passphraseSet = hasPassphrase(file);
    if (this.lockedByUser) throw this.lockedError(passphraseSet);
    if (!passphraseSet) {
      const { keys } = await this.openEnvelopeOf(file, null);
      this.hold(file.vaultId, keys);
      return keys;
    }
    const { askPassphrase } = this.options;
    if (underLock || !askPassphrase) throw this.lockedError(passphraseSet);
    await this.unlock(await askPassphrase());
    if (this.held?.vaultId !== file.vaultId) throw this.lockedError(passphraseSet);
    return this.held.keys;
  }

  private lockedError(passphraseSet: boolean): CustodyError {
    return new CustodyError(
      'VAULT_LOCKED',
      passphraseSet
        ? `The vault in ${this.home} is locked behind its passphrase. Unlock it with the passphrase; nothing was changed.`
        : `The vault in ${this.home} is locked. Unlock it to continue; nothing was changed.`,
    );
  }

  /**
   * The envelope's keys. With a passphrase set, every try goes through the throttle (under the
   * writer lock, so tries from several processes are counted one at a time).
   */
  private async openEnvelopeOf(
    file: VaultFile,
    passphrase: string | null,
  ): Promise<{ keys: VaultKeys; failures: FailedUnlocks | null }> {
    if (!hasPassphrase(file)) {
      const keys = await this.withSecret((secret) => openEnvelope(secret, null, file.envelope, file.vaultId));
      if (!keys) {
        throw vaultCorrupt(this.vaultPath, 'its key envelope was altered, or belongs to another keychain item than this one');
      }
      return { keys, failures: null };
    }
    if (passphrase === null) throw this.lockedError(true);
    checkGivenPassphrase(passphrase);
    const record = await readFailedUnlocks(this.failuresPath);
    const wait = unlockWaitMs(record, this.options.clock());
    if (wait > 0) throw throttled(wait);
    const keys = await this.withSecret((secret) => openEnvelope(secret, passphrase, file.envelope, file.vaultId));
    if (!keys) {
      const failed = withFailure(record, this.options.clock());
      await writeFailedUnlocks(this.failuresPath, failed);
      throw wrongPassphrase(failed);
    }
    return { keys, failures: record };
  }

  private async withSecret<T>(use: (secret: Buffer) => Promise<T>): Promise<T> {
    const secret = await readKeychainSecret(this.options.secrets, this.options.location.keychainService);
    try {
      return await use(secret);
    } finally {
      secret.fill(0);
    }
  }

  private envelopeFor(vaultId: string, keys: VaultKeys, passphrase: string | null): Promise<Envelope> {
    return this.withSecret((secret) => sealEnvelope({ secret, passphrase, keys, vaultId, params: this.scryptParams }));
  }

  /**
   * Holding the lock: the vault file, rewritten into the key envelope first when it is of the
   * first format. The keychain item stays as it is and becomes the keychain secret; the state is
   * sealed under a new data key, and the audit key stays the one the chain was written with.
   */
  private async migrated(): Promise<VaultFile> {
    const file = await this.readFile();
    if (file.version === 2) return file;
    await this.withSecret(async (vaultKey) => {
      const state = unsealState(file, this.vaultPath, vaultKey);
      const keys: VaultKeys = { dataKey: randomBytes(32), auditKey: legacyAuditKey(vaultKey) };
      try {
        const repair = await repairAuditLog(this.auditPath, state.auditTail);
        const envelope = await sealEnvelope({
          secret: vaultKey,
          passphrase: null,
          keys,
          vaultId: file.vaultId,
          params: this.scryptParams,
        });
        const details = { fromVersion: file.version, toVersion: 2 };
        const now = this.options.clock();
        const previous = { header: file, state };
        const migrated = await this.commit(previous, envelope, state, keys, event('vault.migrate', details), now);
        if (repair) await this.commit(migrated, envelope, migrated.state, keys, repairedEvent(repair), now);
      } finally {
        zeroKeys(keys);
      }
    });
    const migrated = await this.readFile();
    if (migrated.version !== 2) throw new CustodyError('INTERNAL', 'The vault could not be brought to the current format.');
    return migrated;
  }

  /**
   * Holding the lock: the one write path of an existing vault. Writes the next state with its audit
   * entry (the commit point), appends the entry, then — when the content generation moved (R17) —
   * records it in the keychain. `newGeneration`: the state starts a generation beyond every one
   * recorded (an accepted rollback; a restore).
   */
  private async commit(
    previous: Previous,
    envelope: Envelope,
    state: VaultState,
    keys: VaultKeys,
    auditEvent: AuditEvent,
    now: Date,
    newGeneration = false,
  ): Promise<OpenedVault> {
    const { vaultId } = previous.header;
    const contentGeneration = newGeneration
      ? await this.generations.beyond(vaultId, previous.state.contentGeneration, state.contentGeneration)
      : nextContentGeneration({ envelope: previous.header.envelope, state: previous.state }, { envelope, state });
    const entry = chainEntry(keys.auditKey, state.auditTail, auditEvent, this.options.user, now);
    const written: VaultState = { ...state, contentGeneration, auditTail: entry };
    const header = nextHeader(previous.header, envelope, now);
    await writeVault(this.vaultPath, header, written, keys.dataKey);
    const opened = { header, state: written };
    // A locked store keeps no decrypted state, even of a change it just made.
    this.cache =
      this.held?.vaultId === header.vaultId ? { generation: header.generation, vaultId: header.vaultId, opened } : null;
    await appendAuditEntry(this.auditPath, entry);
    if (contentGeneration !== previous.state.contentGeneration) await this.generations.record(vaultId, contentGeneration);
    return opened;
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const running = withVaultLock(this.home, lockFilePath(this.home), work);
    this.inFlight.add(running);
    const finished = () => this.inFlight.delete(running);
    running.then(finished, finished);
    return running;
  }

  /**
   * Holding the lock: the vault is the commit point, so an entry it holds that the log lacks, or a
   * torn last line, was left by a crash — repaired, and the repair audited, before anything else is
   * appended. Returns the vault to build on.
   */
  private async repairAuditTail(opened: OpenedVault, keys: VaultKeys): Promise<OpenedVault> {
    const repair = await repairAuditLog(this.auditPath, opened.state.auditTail);
    if (!repair) return opened;
    return this.commit(opened, opened.header.envelope, opened.state, keys, repairedEvent(repair), this.options.clock());
  }
}

function isRolledBack(error: unknown): boolean {
  return error instanceof CustodyError && error.code === 'VAULT_ROLLED_BACK';
}

function alreadySet(): CustodyError {
  return invalid('This vault already has a passphrase; change it with "custody passphrase change". Nothing was changed.');
}

function repairedEvent(repair: AuditRepair): AuditEvent {
  return event('audit.repaired', { tornBytes: repair.tornBytes, restoredSeq: repair.restoredSeq });
}

/** Wrong passphrases tried since the last unlock, recorded by the unlock that succeeded. */
function failedTries(record: FailedUnlocks): AuditEvent {
  return event('unlock.failed', { tries: record.failures, lastTriedAt: record.lastFailureAt });
}
