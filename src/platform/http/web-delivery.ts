import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * How responses travel to a browser on a cheap phone over a slow link (issue 13 §6). Both are on by default;
 * TRUONGSO_HTTP_OPTIMISATIONS=0 turns both off, so `npm run bench -- web` can show what they are worth in one run.
 */
export interface WebDelivery {
  /** API answers above COMPRESS_THRESHOLD compressed (br, else gzip); built assets sent from their .br/.gz files. */
  compress: boolean;
  /** Hashed assets cached for a year (`immutable`); index.html revalidated on every visit. */
  cache: boolean;
}

export const FULL_DELIVERY: WebDelivery = { compress: true, cache: true };
export const PLAIN_DELIVERY: WebDelivery = { compress: false, cache: false };

/** Below about one TCP packet compressing saves no round trip and costs CPU. */
export const COMPRESS_THRESHOLD = 1024;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** What the server sent before (send's default), kept for the plain mode the bench compares against. */
const PLAIN_CACHE = 'public, max-age=0';

/** Vite names every file under assets/ by its content hash, so a changed file is a new URL. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/;

export function webDeliveryFromEnv(env: NodeJS.ProcessEnv = process.env): WebDelivery {
  return env.TRUONGSO_HTTP_OPTIMISATIONS === '0' ? PLAIN_DELIVERY : FULL_DELIVERY;
}

/**
 * API compression. PDF, .xlsx and other downloads are not compressible types (they are compressed already) and pass
 * through untouched as streams; the brotli quality stays at 4 for answers made per request (11 is for build time).
 */
export async function registerCompression(app: FastifyInstance, delivery: WebDelivery): Promise<void> {
  if (!delivery.compress) return;
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD,
    // Request bodies are never inflated: an upload of a small compressed body must not grow to gigabytes.
    globalDecompression: false,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/** Serves the built SPA (web/dist) with the precompressed files and the cache headers above. */
export function serveWebApp(app: FastifyInstance, webDist: string | undefined, delivery: WebDelivery): void {
  if (!webDist || !fs.existsSync(webDist)) return;
  app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: ['index.html'],
    preCompressed: delivery.compress,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, filePath: string) => {
      reply.header('cache-control', cacheControlFor(filePath, delivery));
    },
  });
}

export function cacheControlFor(filePath: string, delivery: WebDelivery): string {
  if (!delivery.cache) return PLAIN_CACHE;
  return HASHED_ASSET.test(filePath) && path.basename(filePath) !== 'index.html' ? IMMUTABLE : REVALIDATE;
}
