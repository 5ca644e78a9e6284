import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../shared/domain';
import { type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { itemAt } from '../support/item-at';

/**
 * R11: `custody audit --verify` detects an edited, removed or reordered entry, tested by doing
 * exactly that to audit.jsonl. Verifying never changes the file it checks.
 */
let sandbox: CliSandbox;
let pristine: Buffer;
const WF = 'onUserTokenGeneration';
/** Five changes, so five audit entries. */
const FIVE_ENTRIES = [
  ['init'],
  ['workflows', 'add', WF],
  ['keys', 'add', WF],
  ['keys', 'add', WF],
  ['workflows', 'add', 'other'],
];

beforeAll(async () => {
  sandbox = await createCliSandbox();
  await sandbox.runAll(FIVE_ENTRIES);
  pristine = await readFile(sandbox.auditPath);
});
afterAll(() => sandbox.cleanup());
beforeEach(() => writeFile(sandbox.auditPath, pristine));

function linesOf(bytes: Buffer): string[] {
  return bytes.toString('utf8').trimEnd().split('\n');
}

async function tamper(change: (lines: string[]) => string[]): Promise<void> {
  await writeFile(sandbox.auditPath, `${change(linesOf(pristine)).join('\n')}\n`);
}

async function verify(): Promise<{ code: number | null; result: AuditVerification; stderr: string }> {
  const before = await readFile(sandbox.auditPath);
  const run = await sandbox.run(['audit', '--verify', '--json']);
  expect(await readFile(sandbox.auditPath)).toEqual(before);
  return { code: run.code, result: JSON.parse(run.stdout) as AuditVerification, stderr: run.stderr };
}

async function expectDetected(firstBadSeq: number): Promise<void> {
  const { code, result, stderr } = await verify();
  expect(code).toBe(1);
  expect(result).toMatchObject({ ok: false, firstBadSeq });
  expect(stderr).toContain('error VAULT_CORRUPT: The audit log failed verification');
  const human = await sandbox.run(['audit', '--verify']);
  expect(human.code).toBe(1);
  expect(human.stdout).toBe('');
}

describe('R11 audit --verify', () => {
  it('passes on the log as the CLI wrote it', async () => {
    expect(linesOf(pristine)).toHaveLength(5);
    const { code, result } = await verify();
    expect(code).toBe(0);
    expect(result).toEqual({ ok: true, entries: 5, problem: null, firstBadSeq: null });
    expect((await sandbox.run(['audit', '--verify'])).stdout).toContain('5 entries, the chain is intact');
  });

  it('detects an edited entry (a key event retold as another workflow)', async () => {
    await tamper((lines) =>
      lines.map((line, i) => (i === 2 ? line.replace(`"workflowId":"${WF}"`, '"workflowId":"other"') : line)),
    );
    expect(linesOf(await readFile(sandbox.auditPath))[2]).toContain('"workflowId":"other"');
    await expectDetected(3);
  });

  it('detects a removed entry in the middle', async () => {
    await tamper((lines) => lines.filter((_, i) => i !== 2));
    await expectDetected(3);
  });

  it('detects the last two entries removed', async () => {
    await tamper((lines) => lines.slice(0, -2));
    await expectDetected(4);
  });

  it('detects two entries swapped', async () => {
    await tamper((lines) => [0, 1, 3, 2, 4].map((index) => itemAt(lines, index)));
    await expectDetected(3);
  });

  it('lists the entries, oldest first, as text or as JSON lines', async () => {
    const text = await sandbox.run(['audit']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^SEQ\s+TIME\s+ACTION\s+WORKFLOW\s+KEY\s+FINGERPRINT\s+USER\s+DETAILS$/);
    const json = await sandbox.run(['audit', '--json']);
    expect(linesOf(Buffer.from(json.stdout)).map((l) => (JSON.parse(l) as { action: string }).action)).toEqual([
      'vault.init',
      'workflow.add',
      'key.add',
      'key.add',
      'workflow.add',
    ]);
  });
});

/** A crash during a change, acted out on a vault of its own: the repair writes to it. */
describe('audit log after a crash', () => {
  let crashed: CliSandbox;
  beforeEach(async () => {
    crashed = await createCliSandbox();
    await crashed.runAll(FIVE_ENTRIES);
  });
  afterEach(() => crashed.cleanup());

  it('repairs a last line torn by a crash (the vault holds that entry), says so in an entry, and verifies', async () => {
    const lines = linesOf(await readFile(crashed.auditPath));
    await writeFile(crashed.auditPath, `${lines.slice(0, -1).join('\n')}\n${itemAt(lines, 4).slice(0, 40)}`);
    const run = await crashed.run(['audit', '--verify', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, entries: 6, problem: null, firstBadSeq: null });
    const repaired = linesOf(await readFile(crashed.auditPath));
    expect(repaired.slice(0, 5)).toEqual(lines);
    expect(JSON.parse(itemAt(repaired, 5))).toMatchObject({
      seq: 6,
      action: 'audit.repaired',
      details: { tornBytes: 40, restoredSeq: 5 },
    });
  });

  it('detects an edited entry in the middle even when the last line is also torn', async () => {
    const lines = linesOf(await readFile(crashed.auditPath)).map((line, i) =>
      i === 1 ? line.replace('"user":"', '"user":"x') : line,
    );
    await writeFile(crashed.auditPath, `${lines.slice(0, -1).join('\n')}\n${itemAt(lines, 4).slice(0, 40)}`);
    const run = await crashed.run(['audit', '--verify', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });
});
