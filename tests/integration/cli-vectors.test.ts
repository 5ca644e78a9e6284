import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../support/cli-sandbox';
import { loadVectors } from '../support/vectors';

const vectors = loadVectors();

let sandbox: CliSandbox;
beforeAll(async () => {
  sandbox = await createCliSandbox();
});
afterAll(() => sandbox.cleanup());

/** Key-file commands must not need a vault or a keychain: both are pointed at nothing here. */
const NO_VAULT = { CUSTODY_HOME: '/nonexistent/custody-home', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };

function parseLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('secureFetch vectors through `custody decrypt --key-file --json`', () => {
  it('has vectors to run', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(17);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (name, vector) => {
    const keyFile = await sandbox.file(`keys-${vectors.indexOf(vector)}.txt`, `${vector.keys.join('\n')}\n`);
    const payloadFile = await sandbox.file(`payload-${vectors.indexOf(vector)}.txt`, vector.payload);
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--json', payloadFile], { env: NO_VAULT });
    const [line, ...rest] = parseLines(run.stdout);
    expect(rest, name).toEqual([]);
    if (vector.expect === 'ok') {
      expect(run.code).toBe(0);
      expect(line).toMatchObject({
        source: payloadFile,
        ok: true,
        layout: vector.layout,
        key: { index: vector.matchedKeyIndex },
      });
      expect(line?.plaintext).toBe(vector.plaintext);
      expect(line).not.toHaveProperty('plaintextEncoding');
    } else {
      expect(run.code).toBe(1);
      expect(line).toMatchObject({ source: payloadFile, ok: false, error: { code: vector.code } });
      expect(line).not.toHaveProperty('plaintext');
    }
    for (const key of vector.keys) expect(run.stdout + run.stderr).not.toContain(key);
  });

  it('decrypts many inputs in one call, one JSON object per input in order, and exits 1 when any failed', async () => {
    const ok = vectors.find((v) => v.expect === 'ok' && v.keys.length === 1)!;
    const good = await sandbox.file('many-good.txt', ok.payload);
    const junk = await sandbox.file('many-junk.txt', 'not a payload at all');
    const keyFile = await sandbox.file('many-keys.txt', `\n  ${ok.keys[0]}  \n\n`);
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--json', good, junk, '/nonexistent/capture.txt', good], {
      env: NO_VAULT,
    });
    expect(run.code).toBe(1);
    expect(parseLines(run.stdout).map((l) => [l.source, l.ok, (l.error as { code?: string } | undefined)?.code ?? null])).toEqual(
      [
        [good, true, null],
        [junk, false, 'MALFORMED_PAYLOAD'],
        ['/nonexistent/capture.txt', false, 'INVALID_INPUT'],
        [good, true, null],
      ],
    );
  });

  it('reads the payload from stdin when no FILE is given, and names it "stdin"', async () => {
    const vector = vectors.find((v) => v.name.includes('JSON string literal'))!;
    const keyFile = await sandbox.file('stdin-keys.txt', vector.keys.join('\n'));
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, '--json'], { input: vector.payload, env: NO_VAULT });
    expect(run.code).toBe(0);
    expect(parseLines(run.stdout)).toEqual([expect.objectContaining({ source: 'stdin', ok: true, plaintext: vector.plaintext })]);
  });

  it('keeps plaintext that is not UTF-8 as exact bytes (base64 in JSON), sealed by `custody encrypt --key-file`', async () => {
    const key = randomBytes(32).toString('base64url');
    const keyFile = await sandbox.file('binary-key.txt', `${key}\n`);
    const body = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x80]), randomBytes(300)]);
    const sealed = await sandbox.run(['encrypt', '--key-file', keyFile], { input: body, env: NO_VAULT });
    expect(sealed.code).toBe(0);
    expect(sealed.stdout).toMatch(/^[A-Za-z0-9_-]+\n$/);
    const payloadFile = await sandbox.file('binary-payload.txt', sealed.stdout);

    const json = await sandbox.run(['decrypt', '--key-file', keyFile, '--json', payloadFile], { env: NO_VAULT });
    const [line] = parseLines(json.stdout);
    expect(line).toMatchObject({ ok: true, layout: 'nonce-tag-ciphertext', plaintextEncoding: 'base64', key: { index: 0 } });
    expect(Buffer.from(line?.plaintext as string, 'base64')).toEqual(body);

    const human = await sandbox.run(['decrypt', '--key-file', keyFile, payloadFile], { env: NO_VAULT });
    expect(human.code).toBe(0);
    expect(Buffer.from(human.stdout.trim(), 'base64')).toEqual(body);
    expect(human.stderr).toContain('not UTF-8');
    for (const run of [sealed, json, human]) expect(run.stderr + run.stdout).not.toContain(key);
  });

  it('shows JSON plaintext indented on stdout, and the key and layout that matched on stderr', async () => {
    const vector = vectors.find((v) => v.layout === 'nonce-ciphertext-tag')!;
    const keyFile = await sandbox.file('human-keys.txt', vector.keys.join('\n'));
    const payloadFile = await sandbox.file('human-payload.txt', vector.payload);
    const run = await sandbox.run(['decrypt', '--key-file', keyFile, payloadFile], { env: NO_VAULT });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(vector.plaintext!));
    expect(run.stdout).toContain('\n  "');
    expect(run.stderr).toContain(`key #${vector.matchedKeyIndex! + 1} of the key file`);
    expect(run.stderr).toContain('layout nonce-ciphertext-tag');
  });
});
