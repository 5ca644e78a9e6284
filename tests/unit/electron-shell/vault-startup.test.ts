import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../shared/domain';
import { CustodyError } from '../../../electron/custody/custody-error';
import { openVaultOnStart } from '../../../electron/main/vault-startup';

function fakeCustody(statuses: VaultStatus[], init: () => Promise<void>) {
  let inits = 0;
  return {
    home: '/vault',
    relocateRoamingVault: async () => undefined,
    status: async () => statuses.shift() ?? { state: 'ready', home: '/vault', passphraseSet: false },
    init: async () => {
      inits++;
      await init();
    },
    inits: () => inits,
  };
}

describe('openVaultOnStart', () => {
  it('initialises a first-start vault against the keychain', async () => {
    const custody = fakeCustody([{ state: 'uninitialised', home: '/vault' }], async () => undefined);
    let created = 0;
    expect(await openVaultOnStart(custody, () => created++)).toEqual({ state: 'ready', home: '/vault', passphraseSet: false });
    expect(custody.inits()).toBe(1);
    expect(created).toBe(1);
  });

  it('leaves an existing vault alone', async () => {
    const custody = fakeCustody([{ state: 'ready', home: '/vault', passphraseSet: false }], async () => undefined);
    expect(await openVaultOnStart(custody)).toEqual({ state: 'ready', home: '/vault', passphraseSet: false });
    expect(custody.inits()).toBe(0);
  });

  it('reports a keychain failure as an unavailable vault, with the reason, instead of throwing', async () => {
    const custody = fakeCustody([{ state: 'uninitialised', home: '/vault' }], async () => {
      throw new CustodyError('KEYCHAIN_UNAVAILABLE', 'The OS keychain could not be used. Start a Secret Service.');
    });
    expect(await openVaultOnStart(custody)).toEqual({
      state: 'unavailable',
      home: '/vault',
      error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'The OS keychain could not be used. Start a Secret Service.' },
    });
  });

  it('opens the vault the CLI created in the meantime', async () => {
    const custody = fakeCustody(
      [
        { state: 'uninitialised', home: '/vault' },
        { state: 'ready', home: '/vault', passphraseSet: false },
      ],
      async () => {
        throw new CustodyError('ALREADY_EXISTS', 'A vault already exists.');
      },
    );
    expect(await openVaultOnStart(custody)).toEqual({ state: 'ready', home: '/vault', passphraseSet: false });
  });
});
