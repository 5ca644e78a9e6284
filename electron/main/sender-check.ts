/**
 * IPC sender validation (Electron checklist item 17, docs/security.md). Pure, so the refusals are
 * unit-tested: ipc-main.ts passes `event.senderFrame`, read synchronously at the top of the
 * handler because Electron sets it to null once the handler has awaited anything.
 */

/** The part of Electron's WebFrameMain (or a Playwright frame, in the test bridge) we look at. */
export interface SenderFrame {
  readonly url: string;
  readonly top: SenderFrame | null;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/** Origins a request may come from: `app://custody` in the app, the dev server under `npm run dev`. */
export type TrustedOrigins = readonly string[];

/**
 * `scheme://host` of a URL; null when it is not one. For a non-special scheme such as app:,
 * WHATWG URL reports origin "null", so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function checkSender(frame: SenderFrame | null | undefined, trusted: TrustedOrigins): SenderVerdict {
  if (!frame) return { trusted: false, reason: 'the sending frame is gone (null senderFrame)' };
  if (frame.top !== frame) return { trusted: false, reason: 'the request came from a sub-frame' };
  const origin = originOf(frame.url);
  if (!origin || !trusted.includes(origin)) return { trusted: false, reason: 'the request came from a foreign origin' };
  return { trusted: true };
}
