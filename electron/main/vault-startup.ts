/**
 * What the app does with the vault when it starts: a vault in the Windows roaming profile moves
 * to the local one (once, audited); a first start initialises a vault
 * against the keychain; any failure becomes an 'unavailable' status with what to do, so the
 * window shows why instead of a blank screen. Shared by main and the Chromium test bridge.
 */
import type { VaultStatus } from '../../shared/domain';
import { type Custody, toErrorShape } from '../custody';

/** `onCreated` is told when this start created the vault: the page then offers the passphrase (first run). */
export async function openVaultOnStart(
  custody: Pick<Custody, 'status' | 'init' | 'home' | 'relocateRoamingVault'>,
  onCreated: () => void = () => undefined,
): Promise<VaultStatus> {
  try {
    await custody.relocateRoamingVault();
  } catch (error) {
    return { state: 'unavailable', home: custody.home, error: toErrorShape(error) };
  }
  const status = await custody.status();
  if (status.state !== 'uninitialised') return status;
  try {
    await custody.init();
    onCreated();
  } catch (error) {
    const shape = toErrorShape(error);
    // The CLI may have created the vault in the meantime: then it simply opens.
    if (shape.code !== 'ALREADY_EXISTS') return { state: 'unavailable', home: custody.home, error: shape };
  }
  return custody.status();
}
