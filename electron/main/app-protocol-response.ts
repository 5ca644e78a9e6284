/**
 * Answers one `app://` request from the renderer folder, with the CSP header on every response.
 * No Electron import: the protocol handler (app-protocol.ts) and the unit tests share it.
 */
import { readFile } from 'node:fs/promises';
import { resolveAppRequest, contentTypeOf } from './app-url';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function respondToAppRequest(method: string, requestUrl: string, rendererRoot: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'Method not allowed');
  const file = resolveAppRequest(requestUrl, rendererRoot);
  if (!file) return refuse(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return refuse(404, 'Not found');
  }
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) },
  });
}
