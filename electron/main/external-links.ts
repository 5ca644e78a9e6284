/**
 * The only places the app may hand to the OS browser (Electron checklist item 15:
 * shell.openExternal only for an allow-list). Exact https origins, no user-supplied URLs.
 */
const ALLOWED_ORIGINS: readonly string[] = ['https://docs.kinde.com', 'https://kinde.com'];

export const WORKFLOWS_DOCS_URL = 'https://docs.kinde.com/workflows/';

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && ALLOWED_ORIGINS.includes(parsed.origin)
  );
}
