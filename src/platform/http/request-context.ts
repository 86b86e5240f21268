import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../authz/actor.ts';
import type { ServiceContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    db: Kysely<DB>;
  }
}

/** The service context of an authenticated request; throws 401 when nobody is logged in. */
export function ctxOf(request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new AppError('unauthenticated', 'Bạn cần đăng nhập.');
  return { db: request.server.db, actor: request.actor, ip: request.ip, log: request.log };
}
