/** The current instant as a UTC ISO string; all stored timestamps use this format. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** An ISO instant `minutes` after `iso`. */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
}
