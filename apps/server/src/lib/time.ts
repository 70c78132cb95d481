/** The current instant as a UTC ISO string; all stored timestamps use this format. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** An ISO instant `minutes` after `iso`. */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
}

/** The bureau's time zone: dates like deadlines and "today" are calendar days in China. */
export const BUREAU_TIME_ZONE = 'Asia/Shanghai';

/** Built once: constructing a formatter costs about as much as a simple query. */
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUREAU_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (YYYY-MM-DD) in the bureau's time zone. */
export function todayInChina(at: Date = new Date()): string {
  return CHINA_DATE.format(at);
}
