import { describe, expect, it } from 'vitest';
import { reportActivity } from '../../renderer/src/session/report-activity';
import { useVaultStore } from '../../renderer/src/state/vault-store';
import { fakeMain } from '../support/fake-main';

describe('the page reports input to main’s idle timer (R15)', () => {
  it('at most every 20 s, and only while the vault is open', () => {
    const main = fakeMain();
    main.answer('vault.activity', () => null);
    const clock = { now: 0 };
    const target = new EventTarget();
    const stop = reportActivity(main.api, target as unknown as Window, () => clock.now);
    const click = () => target.dispatchEvent(new Event('pointerdown'));

    useVaultStore.setState({ status: { state: 'locked', home: '/v', passphraseSet: true, throttledUntil: null } });
    click();
    expect(main.callsTo('vault.activity')).toHaveLength(0);

    useVaultStore.setState({ status: { state: 'ready', home: '/v', passphraseSet: true } });
    click();
    clock.now = 19_000;
    click();
    expect(main.callsTo('vault.activity')).toHaveLength(1);
    clock.now = 21_000;
    target.dispatchEvent(new Event('wheel'));
    expect(main.callsTo('vault.activity')).toHaveLength(2);

    stop();
    clock.now = 60_000;
    click();
    expect(main.callsTo('vault.activity')).toHaveLength(2);
  });
});
