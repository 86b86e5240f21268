import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';
import { foldVietnamese } from '../../domain/text/index.ts';
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
/** zxcvbn score 0–4; 3 means "safely unguessable" (over 10^8 guesses), what we ask of a chosen password. */
export const MIN_PASSWORD_SCORE = 3;

// Words a guesser tries first against any Trường Số account: the product and its published demo password
// (DEMO_PASSWORD in src/demo/logins.ts).
const PRODUCT_WORDS = ['truongso', 'truong so', 'truongso-demo', 'matkhau', 'mat khau'];

// One checker for the process: building its dictionaries takes a moment. Common passwords and words come from
// @zxcvbn-ts/language-common; near misses (Levenshtein) of them count as matches too.
let checker: ZxcvbnFactory | undefined;
const strength = () => {
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });
  return checker;
};

/** Who the password belongs to: a password built from these is refused. */
export interface PasswordContext {
  username: string;
  fullName?: string;
  /** The school or office that manages the account. */
  unitName?: string;
}

/**
 * A chosen password must be long enough and hard to guess: not a common password, and not built from the account's
 * own words (username, name, school name, with or without Vietnamese marks) or Trường Số's (the demo password).
 */
export function assertAcceptablePassword(password: string, context: PasswordContext): void {
  const { username, fullName, unitName } = context;
  if (password.length < MIN_PASSWORD_LENGTH) refuse(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  if (password.toLowerCase() === username.toLowerCase()) refuse('Mật khẩu không được trùng tên đăng nhập.');
  const result = strength().check(password, contextWords([username, fullName, unitName, ...PRODUCT_WORDS]));
  if (result.score >= MIN_PASSWORD_SCORE) return;
  refuse(
    result.feedback.warning === 'userInputs'
      ? 'Mật khẩu không được dựa trên tên đăng nhập, họ tên, tên trường hoặc tên phần mềm. Hãy chọn mật khẩu khác.'
      : 'Mật khẩu quá dễ đoán (mật khẩu phổ biến hoặc theo mẫu đơn giản). Hãy dùng một cụm từ dài hơn, ví dụ ba bốn từ không liên quan.',
  );
}

/** Each phrase as typed, folded (no marks), without spaces, and its words of three letters or more. */
function contextWords(phrases: (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const phrase of phrases) {
    if (!phrase) continue;
    const folded = foldVietnamese(phrase);
    for (const form of [phrase.toLowerCase(), folded, folded.replace(/[^a-z0-9]/g, '')])
      if (form) words.add(form);
    for (const word of folded.split(/[^a-z0-9]+/)) if (word.length >= 3) words.add(word);
  }
  return [...words];
}

function refuse(message: string): never {
  throw new AppError('validation_failed', message, { newPassword: message });
}
