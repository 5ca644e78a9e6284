/**
 * The `app://` origin the renderer is served from (a privileged standard scheme instead
 * of file://), and the mapping from an `app://` URL to a file inside the renderer folder. Pure, so
 * the refusal of every path that escapes the folder is unit-tested.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'custody';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** standard + secure gives the renderer a real origin and a secure context; never bypassCSP. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

type PathApi = Pick<typeof path, 'join' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file an `app://custody/...` request may read, or null when it must be refused: another
 * scheme or host; a `.` or `..` segment, raw or percent-encoded (checked on the raw URL, before a
 * URL parser folds them away); an encoded `/`, a backslash or NUL; malformed percent-encoding;
 * or a result outside `rendererRoot`.
 */
export function resolveAppRequest(requestUrl: string, rendererRoot: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  const rawPath = requestUrl.replace(/^[^:]+:\/\/[^/?#\\]*/, '').split(/[?#]/, 1)[0] ?? '';
  let segments: string[];
  try {
    segments = rawPath.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
  const unsafe = (s: string) => s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0');
  if (segments.some(unsafe)) return null;
  const parts = segments.filter((s) => s.length > 0);
  if (parts.length === 0) parts.push('index.html');

  const candidate = pathApi.join(rendererRoot, ...parts);
  const relative = pathApi.relative(rendererRoot, candidate);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return candidate;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts are refused by Chromium without a JavaScript MIME type. */
export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
