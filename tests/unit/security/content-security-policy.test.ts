import { describe, expect, it } from 'vitest';
import { applyCspMeta } from '../../../build/csp-meta';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  cspDifferences,
  devContentSecurityPolicy,
  parseCsp,
} from '../../../electron/main/content-security-policy';

describe('the app’s Content Security Policy', () => {
  it('is default-src self, script-src self, no eval, no inline script, frames refused', () => {
    const csp = parseCsp(CONTENT_SECURITY_POLICY);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('leaves out of the meta tag what a meta tag cannot carry', () => {
    expect(parseCsp(META_CONTENT_SECURITY_POLICY)).not.toHaveProperty('frame-ancestors');
  });

  it('relaxes only the dev server’s policy, for hot reload', () => {
    expect(devContentSecurityPolicy()).toContain("'unsafe-inline'");
    expect(devContentSecurityPolicy()).not.toContain("'unsafe-eval'");
  });

  it('compares policies whatever the order and spacing', () => {
    expect(cspDifferences("default-src 'self';  script-src 'self'", "script-src 'self'; default-src 'self'")).toEqual([]);
    expect(cspDifferences("default-src 'self'", "default-src 'self' https:; img-src data:")).toEqual(['default-src', 'img-src']);
  });
});

describe('applyCspMeta (renderer build)', () => {
  const page = (csp: string) =>
    `<html><head><meta charset="UTF-8" /><meta http-equiv="Content-Security-Policy" content="${csp}" /></head></html>`;

  it('keeps a meta tag that says the app’s policy', () => {
    const html = page(META_CONTENT_SECURITY_POLICY);
    expect(applyCspMeta(html, 'build')).toBe(html);
  });

  it('fails the build when the page’s policy differs, naming the directives', () => {
    expect(() => applyCspMeta(page("default-src 'self'; script-src 'self' 'unsafe-eval'"), 'build')).toThrow(/script-src/);
  });

  it('adds the policy to a page without one', () => {
    const out = applyCspMeta('<html><head><title>x</title></head></html>', 'build');
    expect(out).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
  });

  it('serves the dev policy from the dev server', () => {
    expect(applyCspMeta(page(META_CONTENT_SECURITY_POLICY), 'serve')).toContain(devContentSecurityPolicy());
  });
});
