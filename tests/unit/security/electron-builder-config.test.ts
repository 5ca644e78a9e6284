/** Packaging: electron-builder.yml against electron-builder's schema, and docs/security.md's settings. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../../..');
const requireFromRepo = createRequire(path.join(REPO, 'package.json'));
/** The YAML parser electron-builder itself reads its configuration with. */
const yaml = requireFromRepo('js-yaml') as { load(text: string): unknown };
const schema = JSON.parse(readFileSync(requireFromRepo.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  mac: Record<string, unknown> & { target: Array<{ target: string }> };
  win: Record<string, unknown> & { target: Array<{ target: string }>; signtoolOptions?: Record<string, unknown> };
  linux: { target: Array<{ target: string }> };
  asarUnpack: string[];
  files: string[];
};
const configText = readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as Config;
const scripts = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked for real: the schema rejects an unknown option', () => {
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('names the app and builds dmg+zip (hardened runtime, entitlements in build/), NSIS, AppImage and deb', () => {
    expect(config.appId).toBe('com.workflowkeycustody.app');
    expect(config.productName).toBe('Workflow Key Custody');
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('sets the fuses docs/security.md lists', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('unpacks keytar’s native module from the asar and ships only the build', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/keytar/**/*.node');
    expect(config.files).toContain('out/**/*');
  });

  it('has the entitlements and icons it points at', () => {
    const plist = readFileSync(path.join(REPO, 'build/entitlements.mac.plist'), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(plist).not.toContain('com.apple.security.cs.disable-library-validation');
    const png = readFileSync(path.join(REPO, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(readFileSync(path.join(REPO, 'build/icon.icns')).subarray(0, 4).toString('ascii')).toBe('icns');
    expect(readFileSync(path.join(REPO, 'build/icon.ico')).readUInt16LE(2)).toBe(1);
    expect(readFileSync(path.join(REPO, 'build/icons/512x512.png')).readUInt32BE(16)).toBe(512);
  });
});

describe('signed releases', () => {
  it('refuse to be unsigned: forceCodeSigning, hardened runtime, notarization, signtool with SHA-256 and a time stamp', () => {
    expect(config.forceCodeSigning).toBe(true);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(config.win.signtoolOptions).toEqual({
      signingHashAlgorithms: ['sha256'],
      rfc3161TimeStampServer: 'http://timestamp.digicert.com',
    });
    expect(config.mac.forceCodeSigning ?? true).toBe(true);
    expect(config.win.forceCodeSigning ?? true).toBe(true);
    expect(config.win.signExecutable ?? true).toBe(true);
  });

  it('take certificates from the environment only, never from the file', () => {
    for (const secret of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'identity']) {
      expect(configText).not.toContain(`${secret}:`);
    }
  });

  it('`npm run dist` checks the credentials first; `npm run dist:unsigned` is the only unsigned build', () => {
    expect(scripts.dist).toMatch(/^node build\/release-credentials\.mjs && electron-vite build && electron-builder /);
    expect(scripts.dist).not.toContain('forceCodeSigning');
    expect(scripts['dist:unsigned']).toContain('-c.forceCodeSigning=false');
    expect(scripts['dist:unsigned']).toContain('-c.mac.notarize=false');
    const unsigned = Object.entries(scripts).filter(([, command]) => command.includes('forceCodeSigning=false'));
    expect(unsigned.map(([name]) => name)).toEqual(['dist:unsigned']);
  });

  it('the unsigned build’s overrides are options the schema knows', () => {
    const overridden = { ...config, forceCodeSigning: false, mac: { ...config.mac, identity: null, notarize: false } };
    expect(validate(overridden)).toBe(true);
  });

  it('a release build names every missing credential, per platform', async () => {
    const { missingReleaseCredentials } = (await import(path.join(REPO, 'build/release-credentials.mjs'))) as {
      missingReleaseCredentials(platform: string, env: Record<string, string>): string[];
    };
    expect(missingReleaseCredentials('darwin', {})).toEqual([expect.stringContaining('APPLE_API_KEY + APPLE_API_KEY_ID')]);
    expect(
      missingReleaseCredentials('darwin', { APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'issuer' }),
    ).toEqual([]);
    expect(missingReleaseCredentials('darwin', { CSC_IDENTITY_AUTO_DISCOVERY: 'false' })).toHaveLength(2);
    expect(missingReleaseCredentials('win32', {})).toEqual([expect.stringContaining('WIN_CSC_LINK')]);
    expect(missingReleaseCredentials('win32', { WIN_CSC_LINK: 'cert.pfx' })).toEqual([]);
    expect(missingReleaseCredentials('linux', {})).toEqual([]);
  });
});
