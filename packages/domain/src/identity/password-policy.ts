/** Minimum password length (issue 2: ≥ 10 characters). */
export const PASSWORD_MIN_LENGTH = 10;
/** How many of the four character classes a password must use. */
export const PASSWORD_MIN_CLASSES = 3;
/** Failed sign-ins before the account is locked. */
export const MAX_FAILED_LOGINS = 5;
/** How long a lock lasts. */
export const LOCKOUT_MINUTES = 15;

/** Counts the character classes (upper, lower, digit, symbol) used in a password. */
export function passwordClassCount(password: string): number {
  let n = 0;
  if (/[A-Z]/.test(password)) n++;
  if (/[a-z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^A-Za-z0-9]/.test(password)) n++;
  return n;
}

/** Whether a password meets the policy: length and at least three character classes. */
export function isStrongPassword(password: string): boolean {
  return (
    password.length >= PASSWORD_MIN_LENGTH &&
    password.length <= 128 &&
    passwordClassCount(password) >= PASSWORD_MIN_CLASSES
  );
}
