// Dates and instants of the simulated history. The generator asks for a timestamp tens of
// millions of times at province scale; `new Date(…).toISOString()` each time was 3 % of the run,
// so the day's text is built once and the wall-clock time appended to it.

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1_440;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

export class HistoryClock {
  private readonly dayTexts: string[] = [];

  /** `firstDayMs`: UTC midnight of the history's first day (day 0). */
  constructor(private readonly firstDayMs: number) {
    if (firstDayMs % DAY_MS !== 0) throw new Error('HistoryClock: the first day must start at UTC midnight');
  }

  /** The date (YYYY-MM-DD) of day `day`. */
  date(day: number): string {
    let text = day >= 0 ? this.dayTexts[day] : undefined;
    if (text === undefined) {
      text = new Date(this.firstDayMs + day * DAY_MS).toISOString().slice(0, 10);
      if (day >= 0 && Number.isInteger(day)) this.dayTexts[day] = text;
    }
    return text;
  }

  /** The stored UTC instant (ISO text, as toISOString writes it) of a China time on day `day`. */
  instant(day: number, hour: number, minute = 0): string {
    // Minutes after UTC midnight of `day`: China is UTC+8 all year.
    let minutes = (hour - 8) * 60 + minute;
    if (!Number.isInteger(day) || !Number.isInteger(minutes)) {
      return new Date(this.firstDayMs + day * DAY_MS + minutes * 60_000).toISOString();
    }
    const utcDay = day + Math.floor(minutes / MINUTES_PER_DAY);
    minutes -= (utcDay - day) * MINUTES_PER_DAY;
    return `${this.date(utcDay)}T${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}:00.000Z`;
  }
}
