import { ValidationFailed } from '@solmu/kernel';

/**
 * The rules for what people type in: emails, display names and passwords. Pure functions,
 * shared by local sign-up, the first-run set-up and OpenID Connect sign-in.
 */

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase; short enough that nobody can make the KDF chew megabytes. */
export const PASSWORD_MAX_LENGTH = 1024;
const EMAIL_MAX_LENGTH = 254;
const DISPLAY_NAME_MAX_LENGTH = 200;

/** Emails are compared and stored trimmed and lowercased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The normalised email, or a ValidationFailed naming `field`. */
export function validEmail(email: unknown, field = 'email'): string {
  if (typeof email !== 'string') throw ValidationFailed.field(field, 'is required');
  const normalised = normaliseEmail(email);
  if (normalised.length === 0) throw ValidationFailed.field(field, 'is required');
  if (normalised.length > EMAIL_MAX_LENGTH || !/^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(normalised)) {
    throw ValidationFailed.field(field, 'is not an email address');
  }
  return normalised;
}

/** The trimmed display name, or a ValidationFailed. */
export function validDisplayName(name: unknown, field = 'displayName'): string {
  if (typeof name !== 'string' || name.trim().length === 0) throw ValidationFailed.field(field, 'is required');
  const trimmed = name.trim();
  if (trimmed.length > DISPLAY_NAME_MAX_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw ValidationFailed.field(field, `must be at most ${DISPLAY_NAME_MAX_LENGTH} printable characters`);
  }
  return trimmed;
}

/**
 * Passwords are compared in Unicode NFKC form (NIST SP 800-63B §5.1.1.2), so the same passphrase
 * typed on two keyboards hashes the same.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Refuses a password that is too short, too long, or the account's own email. */
export function checkNewPassword(password: unknown, email: string, field = 'password'): string {
  if (typeof password !== 'string' || password.length === 0) throw ValidationFailed.field(field, 'is required');
  const normalised = normalisePassword(password);
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH) throw ValidationFailed.field(field, `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) throw ValidationFailed.field(field, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (normaliseEmail(normalised) === normaliseEmail(email)) throw ValidationFailed.field(field, 'must not be the email address');
  return normalised;
}
