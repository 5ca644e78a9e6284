import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeKey } from '../../electron/cli/key-description';
import { printable, printableJson } from '../../electron/cli/printable';
import { jsonLine, textTable } from '../../electron/cli/text-table';
import { type CoreFixture, createCoreFixture } from '../support/core-fixture';

const HOSTILE = ['clear\u001b[2J', 'bell\u0007', 'del\u007f', 'c1\u009b31m', 'rlo\u202Eexe.pdf', 'isolate\u2066x\u2069'];

describe('what the CLI prints from the vault', () => {
  it('shows control characters and direction overrides as escapes, and leaves other text alone', () => {
    expect(HOSTILE.map(printable)).toEqual([
      'clear\\x1B[2J',
      'bell\\x07',
      'del\\x7F',
      'c1\\x9B31m',
      'rlo\\u{202E}exe.pdf',
      'isolate\\u{2066}x\\u{2069}',
    ]);
    expect(printable('Zahlungslauf – é 日本 "quoted" C:\\path')).toBe('Zahlungslauf – é 日本 "quoted" C:\\path');
  });

  it('escapes every table cell and a key label', () => {
    const table = textTable(['name', 'label'], [[HOSTILE[0] ?? '', HOSTILE[4] ?? '']]);
    // eslint-disable-next-line no-control-regex -- the raw characters must not be there
    expect(table).not.toMatch(/[\u001b\u202e]/);
    expect(describeKey({ id: 'k_0123456789abcdef', label: 'a\u001b]0;title\u0007', fingerprint: '0123456789abcdef' })).toBe(
      'k_0123456789abcdef "a\\x1B]0;title\\x07" (fingerprint 0123456789abcdef)',
    );
  });

  it('keeps JSON output the same value while no raw override or C1 character reaches the terminal', () => {
    const value = { names: HOSTILE };
    const line = jsonLine(value);
    // eslint-disable-next-line no-control-regex -- the raw characters must not be there
    expect(line).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(line)).toEqual(value);
    expect(JSON.parse(printableJson(JSON.stringify(value, null, 2)))).toEqual(value);
  });
});

describe('names and labels with control characters', () => {
  let fx: CoreFixture;
  beforeEach(async () => {
    fx = await createCoreFixture();
  });
  afterEach(() => fx.cleanup());

  it('are refused by the core with INVALID_INPUT, and nothing is written', async () => {
    await fx.custody.addWorkflow({ id: 'wf' });
    const before = await fx.custody.auditEntries();
    for (const text of HOSTILE) {
      await expect(fx.custody.addWorkflow({ id: 'other', name: text })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(fx.custody.updateWorkflow('wf', { name: text })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(fx.custody.addKey('wf', { label: text })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await fx.custody.auditEntries()).toEqual(before);
    expect(await fx.custody.listKeys('wf')).toEqual([]);
  });
});
