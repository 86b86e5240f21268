import type { FastifyInstance } from 'fastify';

/**
 * The policy for the built SPA (web/dist): Vite emits only external module scripts, so no inline script is allowed;
 * Mantine and the font loader (web/src/fonts.ts) inject <style> tags, hence 'unsafe-inline' for styles only.
 * Downloads are blob: links and small images data: URIs. The Swagger UI under /api/docs loads its scripts from
 * files too and needs nothing more.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/** Adds the security headers to every response: API answers, errors, the web app's files and the API docs. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    return payload;
  });
}
