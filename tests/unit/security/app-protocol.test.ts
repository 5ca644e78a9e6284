/**
 * Electron checklist item 18: app:// instead of file://, and a protocol handler that refuses any
 * path escaping the renderer folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondToAppRequest } from '../../../electron/main/app-protocol-response';
import { APP_SCHEME_PRIVILEGES, contentTypeOf, resolveAppRequest } from '../../../electron/main/app-url';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/content-security-policy';

const ROOT = '/opt/custody/resources/app.asar/out/renderer';

describe('resolveAppRequest', () => {
  it.each([
    ['app://custody/index.html', `${ROOT}/index.html`],
    ['app://custody/', `${ROOT}/index.html`],
    ['app://custody', `${ROOT}/index.html`],
    ['app://custody/assets/index-abc.js', `${ROOT}/assets/index-abc.js`],
    ['app://custody/assets/a%20b.css', `${ROOT}/assets/a b.css`],
    ['app://custody/index.html?x=1#top', `${ROOT}/index.html`],
  ])('maps %s inside the renderer folder', (url, file) => {
    expect(resolveAppRequest(url, ROOT, path.posix)).toBe(file);
  });

  it.each([
    ['dot-dot segments', 'app://custody/../../../etc/passwd'],
    ['dot-dot after a folder', 'app://custody/assets/../../main/index.js'],
    ['percent-encoded dots', 'app://custody/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dots', 'app://custody/%2E%2e/secret'],
    ['half-encoded dots', 'app://custody/.%2e/secret'],
    ['an encoded slash with dots', 'app://custody/assets%2f..%2f..%2fmain'],
    ['a backslash', 'app://custody/..\\..\\main\\index.js'],
    ['an encoded backslash', 'app://custody/..%5c..%5cmain%5cindex.js'],
    ['a NUL byte', 'app://custody/index.html%00.png'],
    ['malformed encoding', 'app://custody/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['an http URL', 'http://custody/index.html'],
    ['not a URL', '/etc/passwd'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppRequest(url, ROOT, path.posix)).toBeNull();
  });

  it('decodes once: double-encoded dots are a literal file name inside the folder', () => {
    expect(resolveAppRequest('app://custody/%252e%252e/secret', ROOT, path.posix)).toBe(`${ROOT}/%2e%2e/secret`);
  });

  it('keeps an absolute path inside the folder instead of jumping to it', () => {
    expect(resolveAppRequest('app://custody//etc/passwd', ROOT, path.posix)).toBe(`${ROOT}/etc/passwd`);
  });

  it('refuses Windows drive and UNC tricks with win32 paths', () => {
    const root = 'C:\\Program Files\\Custody\\resources\\app.asar\\out\\renderer';
    expect(resolveAppRequest('app://custody/index.html', root, path.win32)).toBe(`${root}\\index.html`);
    expect(resolveAppRequest('app://custody/..%5C..%5Cmain', root, path.win32)).toBeNull();
    expect(resolveAppRequest('app://custody/C:%5CWindows%5Cwin.ini', root, path.win32)).toBeNull();
    expect(resolveAppRequest('app://custody/C:/Windows/win.ini', root, path.win32)).toBeNull();
  });
});

describe('the app:// scheme', () => {
  it('is standard and secure, and never bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
  });

  it('serves module scripts with a JavaScript type', () => {
    expect(contentTypeOf('/x/assets/index.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('respondToAppRequest', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'custody-protocol-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'export {}');
    await writeFile(path.join(base, 'secret.txt'), 'vault key');
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('serves a renderer file with the CSP header', async () => {
    const answer = await respondToAppRequest('GET', 'app://custody/assets/app.js', root);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await answer.text()).toBe('export {}');
  });

  it.each(['app://custody/../secret.txt', 'app://custody/%2e%2e/secret.txt', 'app://custody/..%2fsecret.txt'])(
    'answers 404 for %s, without reading outside',
    async (url) => {
      const answer = await respondToAppRequest('GET', url, root);
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toContain('vault key');
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    },
  );

  it('answers 404 for a missing file and 405 for a write', async () => {
    expect((await respondToAppRequest('GET', 'app://custody/nope.js', root)).status).toBe(404);
    expect((await respondToAppRequest('POST', 'app://custody/index.html', root)).status).toBe(405);
  });
});
