/** Electron checklist item 17 (validate the sender of every IPC message). */
import { describe, expect, it } from 'vitest';
import { type SenderFrame, checkSender } from '../../../electron/main/sender-check';

const TRUSTED = ['app://custody'];

function topFrame(url: string): SenderFrame {
  const frame: { url: string; top: SenderFrame | null } = { url, top: null };
  frame.top = frame;
  return frame;
}

describe('checkSender', () => {
  it('accepts the app window’s own top frame', () => {
    expect(checkSender(topFrame('app://custody/index.html'), TRUSTED)).toEqual({ trusted: true });
  });

  it('rejects a null sender frame (gone, or read after an await)', () => {
    expect(checkSender(null, TRUSTED)).toMatchObject({ trusted: false });
    expect(checkSender(undefined, TRUSTED)).toMatchObject({ trusted: false });
  });

  it.each([
    'https://evil.example/index.html',
    'http://custody/index.html',
    'file:///app/index.html',
    'app://custody.evil/index.html',
    'app://evil/index.html',
    'app://custody:8080/index.html',
    'about:blank',
    'data:text/html,<script>custody</script>',
    'not a url',
  ])('rejects a foreign origin: %s', (url) => {
    expect(checkSender(topFrame(url), TRUSTED)).toMatchObject({ trusted: false, reason: expect.stringContaining('origin') });
  });

  it('rejects a sub-frame, even one of the app’s own origin', () => {
    const top = topFrame('app://custody/index.html');
    const child: SenderFrame = { url: 'app://custody/index.html', top };
    expect(checkSender(child, TRUSTED)).toMatchObject({ trusted: false, reason: expect.stringContaining('sub-frame') });
  });

  it('accepts the dev server origin only when it is the trusted one', () => {
    const dev = topFrame('http://localhost:5173/');
    expect(checkSender(dev, TRUSTED)).toMatchObject({ trusted: false });
    expect(checkSender(dev, ['http://localhost:5173'])).toEqual({ trusted: true });
  });
});
