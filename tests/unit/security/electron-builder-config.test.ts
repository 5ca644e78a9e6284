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
  win: { target: Array<{ target: string }> };
  linux: { target: Array<{ target: string }> };
  asarUnpack: string[];
  files: string[];
};
const config = yaml.load(readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as Config;
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
