/** R14: reveal handles keep a key's value in main, hand it out only while alive, and zero it when they die. */
import { describe, expect, it } from 'vitest';
import { REVEAL_LIFETIME_MS } from '../../../shared/domain';
import { createRevealHandles } from '../../../electron/main/reveal-handles';
import { keyInfo } from '../../support/key-info';

const KEY = keyInfo();

function setUp() {
  const clock = { now: 1_000_000 };
  const live: boolean[] = [];
  const handles = createRevealHandles({
    now: () => clock.now,
    onLiveChange: (anyLive) => void live.push(anyLive),
    schedule: () => undefined,
  });
  return { clock, live, handles };
}

function material(): Buffer {
  return Buffer.alloc(32, 7);
}

describe('reveal handles', () => {
  it('issue random, unguessable handles that give the key and its material while alive', () => {
    const { handles } = setUp();
    const a = handles.issue(KEY, material());
    const b = handles.issue(KEY, material());
    expect(a).toMatch(/^rh_[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(handles.use(a).key).toEqual(KEY);
    expect(handles.use(a).material.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(handles.use(a).material.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('never give the value again after close, and zero-fill it', () => {
    const { handles } = setUp();
    const owned = material();
    const handle = handles.issue(KEY, owned);
    handles.close(handle);
    expect(owned.equals(Buffer.alloc(32))).toBe(true);
    expect(() => handles.use(handle)).toThrow(expect.objectContaining({ code: 'REVEAL_EXPIRED' }));
    handles.close(handle);
  });

  it('die after 10 minutes (REVEAL_EXPIRED), zeroed, and not a moment before', () => {
    const { clock, handles } = setUp();
    const owned = material();
    const handle = handles.issue(KEY, owned);
    clock.now += REVEAL_LIFETIME_MS - 1;
    expect(handles.use(handle).key.id).toBe(KEY.id);
    clock.now += 1;
    expect(() => handles.use(handle)).toThrow(expect.objectContaining({ code: 'REVEAL_EXPIRED' }));
    expect(owned.equals(Buffer.alloc(32))).toBe(true);
  });

  it('all die on forgetAll (lock, reload, quit), and say when the first is issued and the last dies', () => {
    const { live, handles } = setUp();
    const first = material();
    const second = material();
    const a = handles.issue(KEY, first);
    const b = handles.issue(KEY, second);
    handles.forgetAll();
    expect([first, second].every((buffer) => buffer.equals(Buffer.alloc(32)))).toBe(true);
    for (const handle of [a, b]) expect(() => handles.use(handle)).toThrow(expect.objectContaining({ code: 'REVEAL_EXPIRED' }));
    expect(live).toEqual([true, false]);
  });

  it('refuse a handle they never issued', () => {
    const { handles } = setUp();
    expect(() => handles.use(`rh_${'0'.repeat(32)}`)).toThrow(expect.objectContaining({ code: 'REVEAL_EXPIRED' }));
  });
});
