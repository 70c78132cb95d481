// Command-line helpers shared by the bench scripts. A wrong option exits with 2, so that 1 stays
// the answer of a run whose targets or verdict failed.

/** Prints the message and exits with 2 (a usage error, not a failed run). */
export function usageError(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The value of a --name option that must be a positive number. */
export function positiveNumber(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    usageError(`--${name} must be a positive number, not "${value}"`);
  return n;
}
