import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(root, 'web', 'dist');
const VITE_CONFIG = path.join(root, 'web', 'vite.config.ts');

/** Builds the React app into web/dist (npm start does this once when it is missing). */
export async function buildWebApp(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
}

/** Vite dev server with hot reload, proxying /api to the Fastify server. */
export async function startViteDevServer(apiPort: number) {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: VITE_CONFIG,
    server: { port: 5173, proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  });
  await server.listen();
  return {
    url: server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? 'http://localhost:5173',
    close: () => server.close(),
  };
}
