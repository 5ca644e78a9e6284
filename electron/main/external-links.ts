/**
 * The only places the app may hand to the OS browser (Electron checklist item 15:
 * shell.openExternal only for an allow-list): exact documentation URLs, not whole origins, so
 * no path, query or fragment a page could build on an allowed site gets through.
 */
export const WORKFLOWS_DOCS_URL = 'https://docs.kinde.com/workflows/';

const ALLOWED_URLS: readonly string[] = [WORKFLOWS_DOCS_URL];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `href` is the URL as parsed (host lower-cased, dot segments resolved): compared whole.
  return ALLOWED_URLS.includes(parsed.href);
}
