/**
 * Serves the built renderer (out/renderer) on 127.0.0.1 for the Chromium tests, through the app's
 * own `app://` responder, so the page gets exactly the files, types and CSP header the app gives.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { respondToAppRequest } from '../../../electron/main/app-protocol-response';
import { APP_ORIGIN } from '../../../electron/main/app-url';

export interface RendererServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveRenderer(rendererRoot: string): Promise<RendererServer> {
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    respondToAppRequest(request.method ?? 'GET', `${APP_ORIGIN}${pathname}`, rendererRoot)
      .then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => {
        response.writeHead(500);
        response.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
