import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** What a user who must change their password may still do: see who they are, change it, or leave. */
const ALLOWED = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/login',
  'GET /api/v1/health',
]);

/**
 * A preHandler: an account with a temporary password (new, or reset by an administrator) may do nothing else
 * until the password is changed. The web app shows the change form on its own; this keeps the API honest.
 */
export async function refuseUntilPasswordChanged(request: FastifyRequest): Promise<void> {
  if (!request.actor?.mustChangePassword) return;
  if (ALLOWED.has(`${request.method} ${request.routeOptions.url}`)) return;
  throw new AppError(
    'password_change_required',
    'Bạn cần đổi mật khẩu tạm trước khi tiếp tục. Vào "Đổi mật khẩu" để đặt mật khẩu mới.',
  );
}
