/**
 * The keystore core's service object, used by the Electron main process, the CLI and the tests
 * (through index.ts, the core's public face).
 * It composes the pure rules (key-lifecycle.ts) with the vault on disk (vault-store.ts); nothing
 * it returns carries key material except `addKey`'s one-time value and `createKey`'s Buffer (R4).
 */
import { userInfo } from 'node:os';
import type {
  AuditEntry,
  AuditVerification,
  BackupInfo,
  BackupStatus,
  BackupWritten,
  CapturedPayload,
  DecryptItemResult,
  DecryptScope,
  ExportFormat,
  KeyInfo,
  NewWorkflow,
  RestoreDone,
  RevealedKey,
  VaultStatus,
  WorkflowChanges,
  WorkflowSummary,
} from '../../shared/domain';
import type { VaultSettings } from '../../shared/settings';
import { toErrorShape } from './custody-error';
import { readAuditLog, verifyAuditChain } from './audit-log';
import type { CustodyLocation } from './custody-paths';
import * as rules from './key-lifecycle';
import { fingerprintOf, formatKey, generateKey, parseKey } from './key-material';
import { type BatchOptions, type BatchSummary, itemChunks, runDecryptBatch } from './decrypt-batch';
import type { ChunkInput, ChunkOutput } from './decrypt-chunk';
import type { OutputMode } from './decrypt-report';
import type { Candidate } from './payload-decryptor';
import { sealPayload } from './payload-codec';
import { SCRYPT_DEFAULTS, type ScryptParams } from './scrypt-params';
import type { SecretStore } from './secret-store';
import { settingsChanged, updateSettings, validSettingsChanges } from './vault-settings';
import type { StoredKey, VaultState } from './vault-state';
import { relocateVault } from './vault-relocation';
import { backUpVault } from './vault-backup';
import { inspectBackup, restoreVault } from './vault-restore';
import { backupStatusOf } from './backup-status';
import { type AcceptedRollback, type NewVault, VaultStore } from './vault-store';

export interface CustodyOptions {
  location: CustodyLocation;
  secrets: SecretStore;
  clock?: () => Date;
  user?: string;
  /**
   * Asked for the vault's passphrase when a command needs the vault and it is not unlocked (the
   * CLI). The app leaves it out: a vault with a passphrase then answers VAULT_LOCKED until `unlock`.
   */
  askPassphrase?: () => Promise<string>;
  /** The scrypt cost of a new passphrase (DESIGN §3's by default); only tests lower it. */
  scrypt?: ScryptParams;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

function candidateOf(workflowId: string, key: StoredKey): Candidate {
  return {
    // A copy, zero-filled by the batch when it ends; the vault's own stays for the next one.
    material: Buffer.from(key.material),
    id: key.id,
    workflowId,
    label: key.label,
    status: key.status,
    fingerprint: key.fingerprint,
  };
}

export class Custody {
  readonly store: VaultStore;
  private readonly clock: () => Date;
  private readonly scrypt: ScryptParams;
  private readonly legacyHome: string | null;

  constructor(options: CustodyOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.scrypt = options.scrypt ?? SCRYPT_DEFAULTS;
    this.legacyHome = options.location.legacyHome ?? null;
    this.store = new VaultStore({
      location: options.location,
      secrets: options.secrets,
      user: options.user ?? osUser(),
      clock: this.clock,
      askPassphrase: options.askPassphrase,
      scrypt: options.scrypt,
    });
  }

  get home(): string {
    return this.store.home;
  }

  /** The keychain service that holds the vault key (CUSTODY_KEYCHAIN_SERVICE, or the product's). */
  get keychainService(): string {
    return this.store.keychainService;
  }

  /**
   * Never throws: a vault that cannot open is reported with the reason and what to do. Says whether
   * a passphrase is set, and whether the vault is locked (then `unlock`, with the passphrase when set).
   */
  async status(): Promise<VaultStatus> {
    try {
      const lock = await this.store.lockState();
      if (!lock) return { state: 'uninitialised', home: this.home };
      const { passphraseSet, throttledUntil } = lock;
      if (lock.locked) return { state: 'locked', home: this.home, passphraseSet, throttledUntil };
      await this.store.open();
      return { state: 'ready', home: this.home, passphraseSet };
    } catch (error) {
      return { state: 'unavailable', home: this.home, error: toErrorShape(error) };
    }
  }

  /** Creates the vault; VAULT_MISSING where the keychain says one was here and its file is gone (R17). */
  async init(): Promise<void> {
    await this.store.init();
  }

  /**
   * R17's explicit start over (`custody init --new`, the app's "Discard the old key" button): a new,
   * empty vault where the old one's file is missing. Discards the keychain's record of the old vault
   * and, unless another vault on the same keychain service still needs it, the old keychain secret;
   * says what it discarded.
   */
  startNewVault(): Promise<NewVault> {
    return this.store.init({ discardMissing: true });
  }

  /**
   * R17: opens a vault file older than the keychain's record on purpose (`custody recover
   * --accept-rollback`, the app's "Accept this older vault"); audited with both generations.
   */
  acceptRollback(): Promise<AcceptedRollback> {
    return this.store.acceptRollback();
  }

  /**
   * R15: zero-fills and forgets the vault's keys and opened state. Every call then answers
   * VAULT_LOCKED until `unlock`, even for a vault without a passphrase.
   */
  lock(): void {
    this.store.lock();
  }

  /**
   * Opens the vault again: with the keychain alone, or with `passphrase` when one is set.
   * WRONG_PASSPHRASE changes nothing but the count of wrong tries; after five each next try waits
   * (UNLOCK_THROTTLED, saying how long), across restarts.
   */
  unlock(passphrase?: string): Promise<void> {
    return this.store.unlock(passphrase ?? null);
  }

  /**
   * Audits the app's lock or unlock (R15), with why it locked. Only the app calls it: a CLI command
   * opens and closes the vault for itself and is audited by what it does. Needs the vault open, so
   * a lock is recorded before `lock` and an unlock after `unlock`.
   */
  async recordLockEvent(action: 'vault.lock' | 'vault.unlock', reason: string): Promise<void> {
    await this.store.transact((state) => ({
      state,
      event: { action, workflowId: null, keyId: null, fingerprint: null, details: { reason } },
      result: undefined,
    }));
  }

  /** Sets a passphrase on a vault that has none (audited); only the two keys are re-wrapped. */
  setPassphrase(passphrase: string): Promise<void> {
    return this.store.setPassphrase(passphrase);
  }

  /** Needs the current passphrase (a wrong one counts as a wrong try); audited. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.store.changePassphrase(current, next);
  }

  /** After this the keychain alone opens the vault again; audited. */
  removePassphrase(current: string): Promise<void> {
    return this.store.changePassphrase(current, null);
  }

  /** Idle minutes, clipboard seconds and the deletion waiting period, as kept in the vault. */
  async settings(): Promise<VaultSettings> {
    return (await this.state()).settings;
  }

  /** Changes the named settings (audited, old → new); a change to the same values writes nothing. */
  async updateSettings(changes: unknown): Promise<VaultSettings> {
    const valid = validSettingsChanges(changes);
    const current = await this.settings();
    if (!settingsChanged(current, valid)) return current;
    return this.change((state) => updateSettings(state, valid));
  }

  /** R13: every read of the vault first purges the deletions whose date has come. */
  private async state(): Promise<VaultState> {
    const { state } = await this.store.open();
    // The common case (nothing due) costs no second read of the vault.
    if (rules.dueDeletions(state, this.clock()).length === 0) return state;
    await this.purgeDueDeletions();
    return (await this.store.open()).state;
  }

  /** R13: every change too, before it is made, so it never acts on a key that should be gone. */
  private async change<T>(transition: (state: VaultState, now: Date) => rules.Transition<T>): Promise<T> {
    await this.purgeDueDeletions();
    return this.store.transact(transition);
  }

  /**
   * R13: purges every key whose scheduled deletion has come (one audit entry each, with its id and
   * fingerprint) and says how many. Runs on every open and change, and on the app's hourly timer.
   */
  async purgeDueDeletions(): Promise<number> {
    const due = rules.dueDeletions((await this.store.open()).state, this.clock());
    let purged = 0;
    for (const { workflowId, keyId } of due) {
      if (await this.store.transact((state, now) => rules.purgeKey(state, workflowId, keyId, now))) purged += 1;
    }
    return purged;
  }

  async listWorkflows(): Promise<WorkflowSummary[]> {
    const state = await this.state();
    const now = this.clock();
    return state.workflows.map((w) => rules.summarizeWorkflow(w, now));
  }

  async getWorkflow(workflowId: string): Promise<WorkflowSummary> {
    return rules.summarizeWorkflow(rules.findWorkflow(await this.state(), workflowId), this.clock());
  }

  async addWorkflow(input: NewWorkflow): Promise<WorkflowSummary> {
    const workflow = await this.change((state, now) => rules.addWorkflow(state, input, now));
    return rules.summarizeWorkflow(workflow, this.clock());
  }

  async updateWorkflow(workflowId: string, changes: WorkflowChanges): Promise<WorkflowSummary> {
    const workflow = await this.change((state) => rules.updateWorkflow(state, workflowId, changes));
    return rules.summarizeWorkflow(workflow, this.clock());
  }

  removeWorkflow(workflowId: string): Promise<{ deletedKeys: number }> {
    return this.change((state) => rules.removeWorkflow(state, workflowId));
  }

  /** Keys of a workflow, active first, then newest first. */
  async listKeys(workflowId: string): Promise<KeyInfo[]> {
    const workflow = rules.findWorkflow(await this.state(), workflowId);
    return rules.keysInTryOrder(workflow).map((k) => rules.keyInfo(workflow.id, k));
  }

  /**
   * R4: a new key, and its material for the one caller that shows it. The caller owns the Buffer
   * and zero-fills it when done. Never log it.
   */
  async createKey(workflowId: string, options: { label?: string } = {}): Promise<{ key: KeyInfo; material: Buffer }> {
    const material = generateKey();
    try {
      const key = await this.change((state, now) =>
        rules.addKey(state, workflowId, { material, origin: 'generated', label: options.label }, now),
      );
      return { key: rules.keyInfo(workflowId, key), material };
    } catch (error) {
      material.fill(0);
      throw error;
    }
  }

  /** R4: the value is in this answer and nowhere else, ever. Never log it. */
  async addKey(workflowId: string, options: { label?: string } = {}): Promise<RevealedKey> {
    const { key, material } = await this.createKey(workflowId, options);
    try {
      return { key, value: formatKey(material) };
    } finally {
      material.fill(0);
    }
  }

  /** R5: `value` is the key text as copied from the dashboard. */
  async importKey(workflowId: string, value: string, options: { label?: string } = {}): Promise<KeyInfo> {
    const material = parseKey(value);
    try {
      return await this.importKeyMaterial(workflowId, material, options);
    } finally {
      material.fill(0);
    }
  }

  /** R5 for a key already parsed; the caller keeps (and zero-fills) `material`. */
  async importKeyMaterial(workflowId: string, material: Uint8Array, options: { label?: string } = {}): Promise<KeyInfo> {
    const key = await this.change((state, now) =>
      rules.addKey(state, workflowId, { material, origin: 'imported', label: options.label }, now),
    );
    return rules.keyInfo(workflowId, key);
  }

  /**
   * R4's exception to R8: deletes a key whose reveal is still open, even the active one, audited as
   * discarded before use. Main calls it only for a live reveal handle, which also names the
   * fingerprint, so a stale id cannot delete another key.
   */
  async discardNewKey(workflowId: string, keyId: string, fingerprint: string): Promise<KeyInfo> {
    return rules.keyInfo(workflowId, await this.change((state) => rules.discardNewKey(state, workflowId, keyId, fingerprint)));
  }

  async activateKey(workflowId: string, keyId: string): Promise<KeyInfo> {
    return rules.keyInfo(workflowId, await this.change((state, now) => rules.activateKey(state, workflowId, keyId, now)));
  }

  async deactivateKey(workflowId: string, keyId: string): Promise<KeyInfo> {
    return rules.keyInfo(workflowId, await this.change((state, now) => rules.deactivateKey(state, workflowId, keyId, now)));
  }

  /**
   * R8/R13: schedules the deletion for the vault's waiting period, or deletes at once when it is 0.
   * The answer's `deletionScheduledFor` says when; null means the key is already gone.
   */
  async deleteKey(workflowId: string, keyId: string): Promise<KeyInfo> {
    return rules.keyInfo(workflowId, await this.change((state, now) => rules.deleteKey(state, workflowId, keyId, now)));
  }

  /** R13: the key stays, inactive, and can be activated again. */
  async cancelDeletion(workflowId: string, keyId: string): Promise<KeyInfo> {
    return rules.keyInfo(workflowId, await this.change((state) => rules.cancelDeletion(state, workflowId, keyId)));
  }

  /** R11: the reveal dialog's Copy is audited; `material` must be the key's own. Never log it. */
  async recordKeyCopy(workflowId: string, keyId: string, material: Uint8Array): Promise<void> {
    const fingerprint = fingerprintOf(material);
    await this.change((state) => rules.recordKeyCopy(state, workflowId, keyId, fingerprint));
  }

  /** The keys to try for a scope, in R10 order. Holds key material: keep it inside the core. */
  async candidates(scope: DecryptScope): Promise<Candidate[]> {
    return rules.decryptionKeys(await this.state(), scope).map(({ workflowId, key }) => candidateOf(workflowId, key));
  }

  /** R10/R11 for a handful of pasted payloads: decrypts them and records the batch once. */
  async decrypt(payloads: readonly CapturedPayload[], scope: DecryptScope): Promise<DecryptItemResult[]> {
    const results: DecryptItemResult[] = [];
    await this.decryptBatch(itemChunks(payloads), scope, { kind: 'results' }, (output) => {
      results.push(...(output.results ?? []));
    });
    return results;
  }

  /**
   * R10/R11 for a batch of any size: outputs arrive in order through `onChunk`; at the end (or on
   * cancel) each matched key's "last matched" is set once and one audit summary is appended.
   */
  async decryptBatch(
    chunks: AsyncIterable<ChunkInput>,
    scope: DecryptScope,
    mode: OutputMode,
    onChunk: (output: ChunkOutput) => void | Promise<void>,
    options: BatchOptions = {},
  ): Promise<BatchSummary> {
    const candidates = await this.candidates(scope);
    let summary: BatchSummary;
    try {
      summary = await runDecryptBatch(chunks, candidates, mode, onChunk, options);
    } finally {
      candidates.forEach((c) => c.material.fill(0));
    }
    await this.recordDecryptBatch(summary, scope);
    return summary;
  }

  private async recordDecryptBatch(summary: BatchSummary, scope: DecryptScope): Promise<void> {
    await this.change((state, now) => ({
      state: rules.markMatched(state, summary.matchedKeyIds, now),
      event: {
        action: 'decrypt.batch',
        workflowId: scope.mode === 'workflow' ? scope.workflowId : null,
        keyId: null,
        fingerprint: null,
        details: {
          items: summary.done,
          decrypted: summary.decrypted,
          noMatchingKey: summary.noMatchingKey,
          malformed: summary.malformed,
          otherErrors: summary.otherErrors,
          keysMatched: summary.matchedKeyIds.size,
          cancelled: summary.cancelled,
        },
      },
      result: undefined,
    }));
  }

  /**
   * Seals a body as secureFetch would, with the workflow's active key. A payload sealed here is
   * accepted by the receiver, so each call is recorded first (R11): the key and the byte count,
   * never the text.
   */
  async encrypt(workflowId: string, plaintext: Uint8Array): Promise<{ payload: string; key: KeyInfo }> {
    const active: StoredKey = await this.store.transact((state) => rules.recordEncrypt(state, workflowId, plaintext.length));
    const material = Buffer.from(active.material);
    try {
      return { payload: sealPayload(plaintext, material), key: rules.keyInfo(workflowId, active) };
    } finally {
      material.fill(0);
    }
  }

  /** R11: a file now holds decrypted plaintext (where, the format, how many items); never the plaintext. */
  recordPlaintextExport(path: string, format: ExportFormat, items: number): Promise<void> {
    return this.store.transact((state) => rules.recordPlaintextExport(state, path, format, items));
  }

  /** The audit log as it stands, recorded (R11) as exported to `path` with its number of entries. */
  async exportAuditEntries(path: string): Promise<AuditEntry[]> {
    const entries = await this.auditEntries();
    await this.store.transact((state) => rules.recordAuditExport(state, path, entries.length));
    return entries;
  }

  /**
   * Windows: a vault that earlier versions kept in the roaming profile moves to this computer's
   * local profile, once, and the move is recorded. Nothing else touches the keychain here.
   */
  async relocateRoamingVault(): Promise<void> {
    const from = this.legacyHome;
    if (!from || !(await relocateVault(from, this.home))) return;
    await this.store.transact((state) => rules.recordRelocation(state, from, this.home));
  }

  /**
   * R16: writes one file holding every workflow, key, lifecycle state, setting and the audit log,
   * sealed under `passphrase` (a new passphrase's rules; the caller asks for it twice). An existing
   * file is replaced only with `overwrite`. Audited with the path and counts.
   */
  backup(path: string, passphrase: string, options: { overwrite?: boolean } = {}): Promise<BackupWritten> {
    return backUpVault(this.store, { path, passphrase, overwrite: options.overwrite ?? false, params: this.scrypt });
  }

  /** R16: what a backup file says of itself, without its passphrase. BACKUP_INVALID when it is not one. */
  inspectBackup(path: string): Promise<BackupInfo> {
    return inspectBackup(path);
  }

  /**
   * R16: checks the whole backup, then replaces this vault with it (the current files set aside,
   * still sealed, in a dated folder beside them) and purges the deletions already past their date.
   * BACKUP_INVALID, with nothing changed, when any check fails.
   */
  async restore(path: string, passphrase: string): Promise<RestoreDone> {
    const restored = await restoreVault(this.store, path, passphrase, this.clock);
    return { ...restored, purged: await this.purgeDueDeletions() };
  }

  /** R16: when the last backup was made, and whether workflows or keys changed since. */
  async backupStatus(): Promise<BackupStatus> {
    return backupStatusOf(await this.state());
  }

  async auditEntries(): Promise<AuditEntry[]> {
    await this.state();
    return (await readAuditLog(this.store.auditLogPath)).entries;
  }

  async verifyAudit(): Promise<AuditVerification> {
    const { state } = await this.store.open();
    const auditKey = await this.store.auditKey();
    try {
      return verifyAuditChain(auditKey, await readAuditLog(this.store.auditLogPath), state.auditTail);
    } finally {
      auditKey.fill(0);
    }
  }
}
