import argon2 from 'argon2';
import { AppError } from '../errors.ts';

// argon2id with the library's defaults (64 MiB, t=3, p=4), as OWASP recommends for interactive logins.
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 8;

/** A new password must be long enough and not trivially guessable from the account. */
export function assertAcceptablePassword(password: string, username: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, {
      newPassword: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
    });
  }
  if (password.toLowerCase() === username.toLowerCase()) {
    throw new AppError('validation_failed', 'Mật khẩu không được trùng tên đăng nhập.', {
      newPassword: 'Mật khẩu không được trùng tên đăng nhập.',
    });
  }
}
