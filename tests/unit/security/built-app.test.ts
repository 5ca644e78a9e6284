/**
 * The BUILT app (out/), as it ships: the CSP of out/renderer/index.html (checklist item 7) and
 * the sandboxed preload, which may only require 'electron' and the few modules a sandbox offers.
 * Builds out/ first when it is missing (electron-vite build needs no Electron binary).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  cspDifferences,
  parseCsp,
} from '../../../electron/main/content-security-policy';

const REPO = path.resolve(__dirname, '../../..');
const INDEX_HTML = path.join(REPO, 'out/renderer/index.html');
const PRELOAD = path.join(REPO, 'out/preload/index.js');

beforeAll(() => {
  if (existsSync(INDEX_HTML) && existsSync(PRELOAD)) return;
  const result = spawnSync(process.execPath, [path.join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stderr}`);
}, 180_000);

function metaPolicies(html: string): string[] {
  const tags = html.match(/<meta\b[^>]*>/gi) ?? [];
  return tags
    .filter((tag) => /http-equiv=(["'])Content-Security-Policy\1/i.test(tag))
    .map((tag) => /content=(["'])([\s\S]*?)\1/i.exec(tag)?.[2] ?? '');
}

describe('the built index.html', () => {
  it('carries exactly one CSP meta tag, the app’s policy', () => {
    const policies = metaPolicies(readFileSync(INDEX_HTML, 'utf8'));
    expect(policies).toHaveLength(1);
    expect(cspDifferences(policies[0] ?? '', META_CONTENT_SECURITY_POLICY)).toEqual([]);
  });

  it('allows scripts from the app itself only: no eval, no inline script, no remote origin', () => {
    const csp = parseCsp(metaPolicies(readFileSync(INDEX_HTML, 'utf8'))[0] ?? '');
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    const sources = Object.values(csp).flat();
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'wasm-unsafe-eval'");
    expect(sources.filter((s) => /^(https?:|wss?:|\*)/.test(s) || s.includes('://'))).toEqual([]);
  });

  it('has no inline script and loads nothing from elsewhere', () => {
    const html = readFileSync(INDEX_HTML, 'utf8');
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    for (const script of scripts) {
      expect(script).toMatch(/\bsrc=/);
      expect(script).toMatch(/<script\b[^>]*>\s*<\/script>/i);
    }
    expect(html).not.toMatch(/\b(src|href)=["'](https?:)?\/\//i);
  });

  it('matches the header the app:// handler sends, apart from header-only directives', () => {
    expect(cspDifferences(CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY)).toEqual(['frame-ancestors']);
  });
});

describe('the built preload', () => {
  /** What Electron's sandboxed preload can require. */
  const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

  it('is one CommonJS file that requires only what a sandboxed preload may', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((name) => !SANDBOX_MODULES.has(name ?? ''))).toEqual([]);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/^\s*import\s/m);
  });

  it('exposes exactly one object, window.custody, and never ipcRenderer itself', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    const exposed = [...code.matchAll(/exposeInMainWorld\(\s*["']([^"']+)["']/g)].map((m) => m[1]);
    expect(exposed).toEqual(['custody']);
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});
