/**
 * The renderer's Content Security Policy, declared once. It is sent as a response header by the
 * `app://` protocol handler and by the test bridge's static server; the renderer build
 * (electron.vite.config.ts) checks that the meta tag in renderer/index.html says the same, or
 * writes it when missing. No network request, no eval, no inline script, no remote
 * origin.
 */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

const DIRECTIVES: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // data: images cannot run script; the UI may use small inline SVG icons.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** frame-ancestors is ignored (with a console warning) in a meta tag, so it only goes in the header. */
const HEADER_ONLY: CspDirectives = { 'frame-ancestors': ["'none'"] };

export function serialiseCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export function parseCsp(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

/** The directives two policies disagree on (missing on one side, or with other sources), sorted. */
export function cspDifferences(a: string, b: string): string[] {
  const left = parseCsp(a);
  const right = parseCsp(b);
  const sources = (list: string[] | undefined) => (list ? [...list].sort().join(' ') : null);
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((name) => sources(left[name]) !== sources(right[name]))
    .sort();
}

export const CONTENT_SECURITY_POLICY = serialiseCsp({ ...DIRECTIVES, ...HEADER_ONLY });
export const META_CONTENT_SECURITY_POLICY = serialiseCsp(DIRECTIVES);

/**
 * Vite's dev server needs an inline React Refresh preamble, injected <style> tags and a WebSocket
 * on a local port for hot reload. Used only by `npm run dev`; a build never carries it.
 */
export function devContentSecurityPolicy(): string {
  return serialiseCsp({
    ...DIRECTIVES,
    'script-src': ["'self'", "'unsafe-inline'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*'],
  });
}
