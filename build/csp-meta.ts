/**
 * Keeps the CSP meta tag of the renderer's index.html identical to the policy the app:// handler
 * sends as a header (electron/main/content-security-policy.ts). Used by electron.vite.config.ts.
 */
import { META_CONTENT_SECURITY_POLICY, cspDifferences, devContentSecurityPolicy } from '../electron/main/content-security-policy';

const CSP_META = /<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(["'])([\s\S]*?)\2\s*\/?>/i;

/**
 * For a build: the page's meta tag must match the app's policy (the build fails naming the
 * directives that differ), and is added when missing. For the dev server: the relaxed dev policy.
 */
export function applyCspMeta(html: string, mode: 'build' | 'serve'): string {
  const wanted = mode === 'serve' ? devContentSecurityPolicy() : META_CONTENT_SECURITY_POLICY;
  const tag = `<meta http-equiv="Content-Security-Policy" content="${wanted}" />`;
  const found = CSP_META.exec(html);
  if (!found) return html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${tag}`);
  if (mode === 'serve') return html.replace(found[0], tag);
  const differences = cspDifferences(found[3] ?? '', wanted);
  if (differences.length > 0) {
    throw new Error(
      `The Content-Security-Policy meta tag of index.html differs from electron/main/content-security-policy.ts in: ${differences.join(', ')}. Keep them identical.`,
    );
  }
  return html;
}
