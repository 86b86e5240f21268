import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read aloud or copied from a screen by a teacher.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time password shown once to the administrator; the user must change it at first login. */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}
