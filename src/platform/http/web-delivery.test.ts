import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, TEST_PASSWORD } from '../../../test/factories.ts';
import { precompressDirectory } from '../../../web/precompress.ts';
import {
  COMPRESS_THRESHOLD,
  IMMUTABLE,
  PLAIN_DELIVERY,
  REVALIDATE,
  registerCompression,
} from './web-delivery.ts';

const ASSET = '/assets/index-Ab12Cd34.js';
/** A built bundle in miniature: index.html, one hashed script, an unhashed public file; precompressed as the build does. */
async function miniDist(): Promise<string> {
  const dist = await fs.mkdtemp(path.join(os.tmpdir(), 'ts-dist-'));
  await fs.mkdir(path.join(dist, 'assets'));
  const script = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Lớp ${i}`))};\n`;
  await fs.writeFile(path.join(dist, `.${ASSET}`), script);
  const page = `<!doctype html><html lang="vi"><head><script type="module" src="${ASSET}"></script></head>`;
  await fs.writeFile(
    path.join(dist, 'index.html'),
    `${page}<body>${'<div id="root"></div>'.repeat(80)}</body></html>`,
  );
  await fs.writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await precompressDirectory(dist);
  return dist;
}

describe.each(STORAGES)('compression and caching of what the server sends (%s)', (kind) => {
  let t: TestApp;
  let plain: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = await miniDist();
    t = await startTestApp(kind, { webDist: dist });
    plain = await startTestApp(kind, { webDist: dist, delivery: PLAIN_DELIVERY });
    await buildSchoolAccounts(t.db);
  });
  afterAll(async () => {
    await t.close();
    await plain.close();
    await fs.rm(dist, { recursive: true, force: true });
  });

  it('a hashed asset is sent from its .br file to a browser that accepts br, else from .gz, cached for a year', async () => {
    const br = await t.app.inject({ url: ASSET, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    const original = await fs.readFile(path.join(dist, `.${ASSET}`), 'utf8');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(original);

    const gz = await t.app.inject({ url: ASSET, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(original);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);

    const identity = await t.app.inject({ url: ASSET, headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toBe(original);
  });

  it('index.html is revalidated on every visit (no-cache), at / and at a page of the app, compressed', async () => {
    for (const url of ['/', '/index.html', '/students/123']) {
      const res = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe(REVALIDATE);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toContain(ASSET);
    }
    const icon = await t.app.inject({ url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe(REVALIDATE);
  });

  it('an API answer above the threshold is compressed (br, else gzip); a small one is not', async () => {
    const cookie = await loginCookie(t);
    // The OpenAPI document (generated JSON, far above the threshold); the hook is the same for every /api/v1 route.
    for (const url of ['/api/docs/json']) {
      const br = await t.app.inject({ url, headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.statusCode, url).toBe(200);
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers.vary, url).toMatch(/accept-encoding/i);
      const json = zlib.brotliDecompressSync(br.rawPayload).toString();
      expect(json.length, url).toBeGreaterThan(COMPRESS_THRESHOLD);
      expect(br.rawPayload.length, url).toBeLessThan(json.length / 2);

      const gz = await t.app.inject({ url, headers: { cookie, 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString()), url).toEqual(JSON.parse(json));
    }
    const small = await t.app.inject({ url: '/api/v1/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('with TRUONGSO_HTTP_OPTIMISATIONS=0 nothing is compressed and assets are sent with max-age=0 (the old way)', async () => {
    const asset = await plain.app.inject({ url: ASSET, headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.headers['content-encoding']).toBeUndefined();
    expect(asset.headers['cache-control']).toBe('public, max-age=0');
    const docs = await plain.app.inject({
      url: '/api/docs/json',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(docs.body.length).toBeGreaterThan(COMPRESS_THRESHOLD);
    expect(docs.headers['content-encoding']).toBeUndefined();
  });
});

describe('downloads are not recompressed', () => {
  it('a streamed PDF and .xlsx pass through as they are, without Content-Encoding', async () => {
    const app = Fastify();
    await registerCompression(app, { compress: true, cache: true });
    const bytes = Buffer.alloc(64 * 1024, 'a');
    app.get('/pdf', (_req, reply) => reply.type('application/pdf').send(Readable.from([bytes])));
    app.get('/xlsx', (_req, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(Readable.from([bytes])),
    );
    for (const url of ['/pdf', '/xlsx']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.headers['content-encoding'], url).toBeUndefined();
      expect(res.rawPayload.equals(bytes), url).toBe(true);
    }
    await app.close();
  });
});

async function loginCookie(t: TestApp): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login: 'ht.a', password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`);
  return cookies.join('; ');
}
