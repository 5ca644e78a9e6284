#!/usr/bin/env node
// `npm run dist` runs this first: a release build for macOS or Windows needs its signing (and, on
// macOS, notarization) credentials in the environment, where electron-builder reads them. Without
// them electron-builder would skip notarization with a warning; here the build stops instead and
// says what is missing. `npm run dist:unsigned` is the explicitly unsigned local build.
import { fileURLToPath } from 'node:url';

/** electron-builder's three ways to notarize (app-builder-lib/scheme.json, mac.notarize). */
const NOTARIZE_SETS = [
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
];

const has = (env, name) => Boolean(env[name]);

/** What a release build on `platform` lacks, one sentence per missing credential; empty when ready. */
export function missingReleaseCredentials(platform, env) {
  const missing = [];
  if (platform === 'darwin') {
    // A Developer ID certificate in the login keychain also signs; CSC_LINK is the CI way.
    if (env.CSC_IDENTITY_AUTO_DISCOVERY === 'false' && !has(env, 'CSC_LINK')) {
      missing.push('a Developer ID Application certificate: set CSC_LINK (and CSC_KEY_PASSWORD)');
    }
    if (!NOTARIZE_SETS.some((set) => set.every((name) => has(env, name)))) {
      missing.push(`notarization credentials: set ${NOTARIZE_SETS.map((set) => set.join(' + ')).join(', or ')}`);
    }
  }
  if (platform === 'win32' && !has(env, 'WIN_CSC_LINK') && !has(env, 'CSC_LINK')) {
    missing.push('a code-signing certificate: set WIN_CSC_LINK (or CSC_LINK) and WIN_CSC_KEY_PASSWORD');
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const missing = missingReleaseCredentials(process.platform, process.env);
  if (missing.length > 0) {
    console.error(
      `npm run dist builds signed releases only, and this one lacks:\n${missing.map((m) => `  - ${m}`).join('\n')}\nFor a local, unsigned build use: npm run dist:unsigned`,
    );
    process.exit(1);
  }
}
