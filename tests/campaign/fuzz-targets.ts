/**
 * What the fuzz campaign feeds, one entry each in FUZZ_TARGETS: an arbitrary of inputs and a run
 * that hands one input to the product and returns every error code it answered with (per item for
 * a batch). The campaign counts an exception, an answer without a code, INTERNAL, and a hang.
 * Adding a target (backup files…) is one more entry.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import type { z } from 'zod';
import {
  Custody,
  auditFilePath,
  candidatesFromRawKeys,
  folderCaptures,
  harTextCaptures,
  itemChunks,
  ndjsonChunks,
  runDecryptBatch,
  sealPayload,
  vaultFilePath,
} from '../../electron/custody';
import type { ChunkInput } from '../../electron/custody';
import { CHANNEL_NAMES, type ChannelName, channels } from '../../shared/contract';
import { TEST_SCRYPT } from '../support/core-fixture';
import { createMemorySecretStore } from '../support/memory-secret-store';
import { type MainUnderTest, startMain } from './main-under-test';

/** An answer's error code; undefined when the product answered an error without one. */
export type Answer = { code: string | undefined };

export interface FuzzTarget<T = unknown> {
  name: string;
  /** Share of the campaign's inputs. */
  weight: number;
  arbitrary: fc.Arbitrary<T>;
  run(input: T): Promise<Answer[]>;
}

export interface FuzzWorld {
  targets: FuzzTarget[];
  cleanup(): Promise<void>;
}

const KEY = randomBytes(32);
const BACKUP_PASSPHRASE = 'fuzz campaign backup passphrase';
const OTHER_KEY = randomBytes(32);
const sealed = (text: string) => sealPayload(Buffer.from(text), KEY);

/** Text a capture might hold: a real payload (maybe damaged), base64-looking noise, or anything. */
const payloadText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.base64String({ maxLength: 120 }),
  fc.uint8Array({ maxLength: 120 }).map((b) => Buffer.from(b).toString('base64url')),
  fc
    .record({
      body: fc.string({ maxLength: 80 }),
      cut: fc.nat(200),
      flip: fc.nat(200),
      pad: fc.constantFrom('', ' ', '\n', '==', '\u0000'),
    })
    .map(({ body, cut, flip, pad }) => {
      const text = sealed(body);
      const chars = [...text.slice(0, text.length - (cut % 4 === 0 ? cut % text.length : 0))];
      if (flip % 3 === 0 && chars.length > 0) chars[flip % chars.length] = chars[flip % chars.length] === 'A' ? 'B' : 'A';
      return pad + chars.join('') + pad;
    }),
);

/** Runs each step in turn; a refusal is an answer and the next step still runs. */
async function answersOf(steps: readonly (() => Promise<unknown>)[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      answers.push({ code: (error as { code?: string }).code });
    }
  }
  return answers;
}

/** Every result of a batch as answers; an item that decrypted answers no code. */
async function batchAnswers(chunks: AsyncIterable<ChunkInput>): Promise<Answer[]> {
  const answers: Answer[] = [];
  await runDecryptBatch(chunks, candidatesFromRawKeys([Buffer.from(OTHER_KEY), Buffer.from(KEY)]), { kind: 'results' }, (out) => {
    for (const result of out.results ?? []) if (!result.ok) answers.push({ code: result.error.code });
  });
  return answers;
}

const jsonish = fc.jsonValue({ maxDepth: 4 });

function harOf(entries: unknown[]): string {
  return JSON.stringify({ log: { version: '1.2', entries } });
}

/** A HAR as a browser saves it, with captured bodies, then possibly damaged. */
const harText = fc.oneof(
  fc.string({ maxLength: 300 }),
  jsonish.map((v) => JSON.stringify(v)),
  fc
    .array(
      fc.record({
        url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 })),
        request: fc.option(payloadText),
        response: fc.option(payloadText),
        junk: fc.option(jsonish),
      }),
      { maxLength: 5 },
    )
    .map((entries) =>
      harOf(
        entries.map((e) => ({
          startedDateTime: '2026-01-01T00:00:00Z',
          request: {
            method: 'POST',
            url: e.url,
            postData: e.request === null ? undefined : { mimeType: 'text/plain', text: e.request },
          },
          response: { status: 200, content: e.junk ?? { size: 1, mimeType: 'text/plain', text: e.response ?? undefined } },
        })),
      ),
    ),
  fc.record({ har: fc.constant(harOf([])), cut: fc.nat(40) }).map(({ har, cut }) => har.slice(0, Math.max(0, har.length - cut))),
);

/** NDJSON lines: captures as the browser extension writes them, bare payloads, noise, very long lines. */
const ndjsonText = fc
  .array(
    fc.oneof(
      payloadText.map((p) => JSON.stringify({ payload: p })),
      payloadText.map((p) => JSON.stringify({ body: p, url: 'https://example.test' })),
      payloadText,
      jsonish.map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.nat(200_000).map((n) => 'x'.repeat(n)),
    ),
    { maxLength: 12 },
  )
  .chain((lines) => fc.record({ lines: fc.constant(lines), eol: fc.constantFrom('\n', '\r\n', ''), pieces: fc.nat(7) }));

type FolderItem =
  | { kind: 'file'; name: string; text: string }
  | { kind: 'dir'; name: string }
  | { kind: 'link'; name: string; to: string }
  | { kind: 'fifo'; name: string };

const fileName = fc.stringMatching(/^[a-z.][a-z0-9._ -]{0,11}$/).filter((name) => name !== '.' && name !== '..');
const folderItems = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('file' as const), name: fileName, text: payloadText }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('dir' as const), name: fileName }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('link' as const),
        name: fileName,
        to: fc.constantFrom('.', '..', '/', 'a', 'missing', '/dev/zero'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('fifo' as const), name: fileName }) },
  ),
  { maxLength: 8 },
);

/** Lays the items out in a fresh folder: each goes in the last folder made before it. */
async function makeFolder(root: string, items: readonly FolderItem[]): Promise<void> {
  let here = root;
  for (const item of items) {
    const path = join(here, item.name);
    try {
      if (item.kind === 'file') await writeFile(path, item.text, { flag: 'wx' });
      else if (item.kind === 'dir') {
        await mkdir(path);
        here = path;
      } else if (item.kind === 'link') await symlink(item.to, path);
      else if (spawnSync('mkfifo', [path]).status !== 0) throw new Error('mkfifo failed');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** A real vault.json and audit log, then one random change to either (bytes or a JSON field). */
type VaultMutation = {
  file: 'vault' | 'audit';
  how: 'flip' | 'cut' | 'insert' | 'field';
  at: number;
  value: unknown;
  drop: boolean;
};

const vaultMutation: fc.Arbitrary<VaultMutation> = fc.record({
  file: fc.constantFrom('vault' as const, 'vault' as const, 'audit' as const),
  how: fc.constantFrom('flip' as const, 'cut' as const, 'insert' as const, 'field' as const, 'field' as const),
  at: fc.nat(),
  value: fc.oneof(jsonish, fc.string({ maxLength: 60 }), fc.integer(), fc.constant(null)),
  drop: fc.boolean(),
});

/** Every place a JSON document holds a value, as paths. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  return here;
}

function mutateField(text: string, m: VaultMutation): string {
  const doc = JSON.parse(text) as unknown;
  const paths = pathsOf(doc);
  const path = paths[m.at % paths.length];
  if (!path) return JSON.stringify(m.value);
  let parent = doc as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (m.drop && !Array.isArray(parent)) delete parent[last];
  else parent[last] = m.value;
  return JSON.stringify(doc, null, 2);
}

/** A backup's JSON header (its first line, when it has one) with a field changed; otherwise a byte mutation. */
function mutateBackupField(original: Buffer, m: VaultMutation): Buffer {
  const text = original.toString('utf8');
  const end = text.indexOf('\n');
  try {
    const head = end === -1 ? text : text.slice(0, end);
    JSON.parse(head);
    return Buffer.from(mutateField(head, m).replace(/\n\s*/g, '') + (end === -1 ? '' : text.slice(end)));
  } catch {
    return mutate(original, { ...m, how: 'flip' });
  }
}

export function mutate(original: Buffer, m: VaultMutation): Buffer {
  const bytes = Buffer.from(original);
  const at = m.at % Math.max(1, bytes.length);
  if (m.how === 'flip') {
    bytes[at] = (bytes[at] ?? 0) ^ (1 << (m.at % 8));
    return bytes;
  }
  if (m.how === 'cut') return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + (m.at % 50))]);
  if (m.how === 'insert') return Buffer.concat([bytes.subarray(0, at), Buffer.from(JSON.stringify(m.value)), bytes.subarray(at)]);
  // The audit log is one JSON document per line: change a field of one line.
  if (m.file === 'audit') {
    const lines = original.toString('utf8').split('\n');
    const index = m.at % Math.max(1, lines.length - 1);
    lines[index] = mutateField(lines[index] ?? '{}', m).replace(/\n\s*/g, '');
    return Buffer.from(lines.join('\n'));
  }
  return Buffer.from(mutateField(original.toString('utf8'), m));
}

/** Request values: random JSON, or an object with the channel's own fields holding plausible or random values. */
/** Stand for the ids of main's keys in a request; replaced when it is sent. */
const KEY_ID_TOKENS = ['@KEY_0@', '@KEY_1@'] as const;

function withKeyIds(request: unknown, keyIds: readonly string[]): unknown {
  if (request === undefined) return undefined;
  const text = JSON.stringify(request).replace(/@KEY_(\d)@/g, (token, i: string) => keyIds[Number(i)] ?? token);
  return JSON.parse(text) as unknown;
}

function requestArbitrary(channel: ChannelName): fc.Arbitrary<unknown> {
  const schema = channels[channel].request as z.ZodType & { shape?: Record<string, unknown> };
  const fields = schema.shape ? Object.keys(schema.shape) : [];
  const plausible = fc.oneof(
    fc.constantFrom('wf', 'other', 'onUserTokenGeneration', '', 'any', 'workflow', 'results', 'ndjson', 'har', 'json', 'csv'),
    fc.constantFrom(...KEY_ID_TOKENS, 'k_0000000000000000', 'h_1'),
    fc.constantFrom(true, false, 0, 1, -1, 7, 31, 1e9, null),
    fc.record({ mode: fc.constantFrom('any', 'workflow', 'x'), workflowId: fc.constantFrom('wf', 'nope') }),
    fc.array(fc.record({ source: fc.string({ maxLength: 10 }), text: payloadText }), { maxLength: 3 }),
    payloadText,
    jsonish,
  );
  const shaped =
    fields.length === 0
      ? fc.constant({})
      : fc.dictionary(fc.constantFrom(...fields, 'extra'), plausible, { maxKeys: fields.length + 1 });
  return fc.oneof(shaped, shaped, jsonish, fc.constant(undefined));
}

interface FuzzedMain extends MainUnderTest {
  /** Its keys' ids, for requests that name a key (KEY_ID_TOKENS). */
  keyIds: string[];
  /** The passphrase a fuzzed request set, to unlock again after a fuzzed lock. */
  passphrase: string | undefined;
}

/** Main over a vault of its own, with a workflow and two keys. */
async function startFuzzedMain(home: string): Promise<FuzzedMain> {
  const custody = new Custody({
    location: { home, keychainService: 'custody-fuzz-main' },
    secrets: createMemorySecretStore(),
    user: 'officer',
    scrypt: TEST_SCRYPT,
  });
  await custody.init();
  await custody.addWorkflow({ id: 'wf' });
  const keyIds = [(await custody.addKey('wf')).key.id, (await custody.addKey('wf')).key.id];
  return { ...startMain(custody), keyIds, passphrase: undefined };
}

function passphraseAfter(channel: ChannelName, request: unknown): string | undefined {
  const fields = request as { passphrase?: string; next?: string };
  if (channel === 'passphrase.set') return fields.passphrase;
  if (channel === 'passphrase.change') return fields.next;
  return undefined;
}

/** The targets, over one seeded vault (main's handlers and the vault-file mutations share its make). */
export async function createFuzzWorld(): Promise<FuzzWorld> {
  const scratch = await mkdtemp(join(tmpdir(), 'custody-fuzz-'));
  const secrets = createMemorySecretStore();
  const location = { home: join(scratch, 'vault'), keychainService: 'custody-fuzz' };
  const custody = new Custody({ location, secrets, user: 'officer', scrypt: TEST_SCRYPT });
  await custody.init();
  await custody.addWorkflow({ id: 'wf' });
  await custody.addKey('wf');
  await custody.importKey('wf', KEY.toString('base64'));
  await custody.addWorkflow({ id: 'other' });
  const originals = { vault: await readFile(vaultFilePath(location.home)), audit: await readFile(auditFilePath(location.home)) };

  const channelInput = fc
    .constantFrom(...CHANNEL_NAMES)
    .chain((channel) => fc.record({ channel: fc.constant(channel), request: requestArbitrary(channel) }));

  let mains = 0;
  let main = await startFuzzedMain(join(scratch, `main-${mains++}`));
  let folders = 0;
  let copies = 0;
  const targets: FuzzTarget[] = [
    {
      name: 'payload codec',
      weight: 3,
      arbitrary: fc.array(payloadText, { minLength: 1, maxLength: 4 }),
      run: (texts: string[]) => batchAnswers(itemChunks(texts.map((text, i) => ({ source: `paste ${i}`, text })))),
    } as FuzzTarget<string[]>,
    {
      name: 'ndjson',
      weight: 1,
      arbitrary: ndjsonText,
      run: ({ lines, eol, pieces }: { lines: string[]; eol: string; pieces: number }) => {
        const bytes = Buffer.from(lines.join(eol || '\n') + eol);
        const size = Math.max(1, Math.ceil(bytes.length / (pieces + 1)));
        const parts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
        return batchAnswers(ndjsonChunks(Readable.from(parts), 'fuzz.ndjson'));
      },
    } as FuzzTarget<{ lines: string[]; eol: string; pieces: number }>,
    {
      name: 'har',
      weight: 1,
      arbitrary: harText,
      run: (text: string) => batchAnswers(itemChunks(harTextCaptures(text, 'fuzz.har'))),
    } as FuzzTarget<string>,
    {
      name: 'folder',
      weight: 0.5,
      arbitrary: folderItems,
      run: async (items: FolderItem[]) => {
        const root = join(scratch, `folder-${folders++}`);
        await mkdir(root);
        try {
          await makeFolder(root, items);
          return await batchAnswers(itemChunks(folderCaptures(root)));
        } finally {
          await rm(root, { recursive: true, force: true });
        }
      },
    } as FuzzTarget<FolderItem[]>,
    {
      name: 'ipc request',
      weight: 3,
      arbitrary: channelInput,
      run: async ({ channel, request }: { channel: ChannelName; request: unknown }) => {
        const answer = await main.call(channel, withKeyIds(request, main.keyIds));
        if (answer.ok && channel.startsWith('passphrase.')) main.passphrase = passphraseAfter(channel, request);
        // A fuzzed lock must not end the campaign's use of main: unlock as the user would, or start over
        // when fuzzed wrong passphrases left the unlock throttled.
        if ((await main.custody.status()).state === 'locked') {
          try {
            await main.custody.unlock(main.passphrase);
          } catch {
            await main.stop();
            main = await startFuzzedMain(join(scratch, `main-${mains++}`));
          }
        }
        return answer.ok ? [] : [{ code: answer.error.code }];
      },
    } as FuzzTarget<{ channel: ChannelName; request: unknown }>,
    {
      name: 'vault file',
      weight: 1.5,
      arbitrary: vaultMutation,
      run: async (m: VaultMutation) => {
        const home = join(scratch, `copy-${copies++}`);
        await mkdir(home, { mode: 0o700 });
        try {
          await writeFile(vaultFilePath(home), m.file === 'vault' ? mutate(originals.vault, m) : originals.vault, {
            mode: 0o600,
          });
          await writeFile(auditFilePath(home), m.file === 'audit' ? mutate(originals.audit, m) : originals.audit, {
            mode: 0o600,
          });
          // The same vault key, as the keychain of the machine that wrote it would hold it.
          const copy = new Custody({ location: { ...location, home }, secrets, user: 'officer', scrypt: TEST_SCRYPT });
          return await answersOf([() => copy.listWorkflows(), () => copy.verifyAudit(), () => copy.addWorkflow({ id: 'after' })]);
        } finally {
          await rm(home, { recursive: true, force: true });
        }
      },
    } as FuzzTarget<VaultMutation>,
  ];
  // R16: a real backup of the seeded vault, then mutated; restored into an empty folder.
  const backupPath = join(scratch, 'vault.backup');
  await custody.backup(backupPath, BACKUP_PASSPHRASE);
  const backupBytes = await readFile(backupPath);
  let restores = 0;
  targets.push({
    name: 'backup file',
    weight: 1,
    arbitrary: vaultMutation,
    run: async (m: VaultMutation) => {
      const home = join(scratch, `restore-${restores++}`);
      const file = `${home}.backup`;
      await writeFile(file, m.how === 'field' ? mutateBackupField(backupBytes, m) : mutate(backupBytes, m), { mode: 0o600 });
      try {
        const into = new Custody({ location: { ...location, home }, secrets: createMemorySecretStore(), scrypt: TEST_SCRYPT });
        return await answersOf([() => into.inspectBackup(file), () => into.restore(file, BACKUP_PASSPHRASE)]);
      } finally {
        await rm(home, { recursive: true, force: true });
        await rm(file, { force: true });
      }
    },
  } as FuzzTarget<VaultMutation>);
  return {
    targets,
    cleanup: async () => {
      await main.stop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
