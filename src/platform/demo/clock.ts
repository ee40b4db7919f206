import { toCalendarDay, type CalendarDay } from '../calendar/working-days.js';

/*
 * The demo's clock. The demo content is written as of one day, its story day: a news item 6 days old,
 * a request 3 working days from its deadline, a draft returned last week. Seeded on another day, the
 * demo must look the same on that day, or the monitor of a fresh demo finds its home page stale (N2)
 * and its news column overdue (N3), and the 待办 stories no longer hold. So every date of the story
 * moves by the days between the story day and the seeding day; the years named in its texts (titles,
 * 文号, bodies) move with it by whole years; what recurs on a day of the year (the annual report,
 * published on 23 January) moves by whole years to its latest occurrence; and what is older than the
 * story's recent past (the bureau's 2017 rules) is history and keeps its dates and years.
 */

/** The day the demo content is written as of (the day the notes of its monitor run report a pass). */
export const demoStoryDay: CalendarDay = '2026-11-24';
/** The first year of the story's recent past: older dates and years in the demo are history. */
export const demoRecentFromYear = 2024;

const dayMs = 86_400_000;
const dayTime = (day: CalendarDay) => Date.parse(`${day}T00:00:00Z`);
const formatDay = (time: number): CalendarDay => new Date(time).toISOString().slice(0, 10);
/** A year number in a text, not part of a longer number (a phone number, an ID). */
const yearInText = /(?<![0-9])(20[0-9]{2})(?![0-9])/g;

export interface DemoClock {
  /** The instant of seeding. */
  readonly now: Date;
  /** Its day in China. */
  readonly today: CalendarDay;
  /** Days between the story's dates and the seeded ones (0 when seeded on the story day). */
  readonly shiftDays: number;
  /** Whole years the years named in texts move by. */
  readonly shiftYears: number;
  /** An instant of the story (ISO with its offset), moved; the time of day in China is kept. */
  instant(iso: string): Date;
  /** A day of the story, moved. */
  day(day: CalendarDay): CalendarDay;
  /** The story's years named in a text, moved. */
  text(text: string): string;
  /**
   * The clock of something that recurs every year on the day `storyDay` falls on (the annual report):
   * it moves by whole years, to its latest occurrence on or before today.
   */
  everyYear(storyDay: CalendarDay): DemoClock;
}

/** The same day `years` later (29 February becomes 28 February in a common year). */
function addYears(day: CalendarDay, years: number): CalendarDay {
  const [y, m, d] = day.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

const isHistory = (day: CalendarDay) => Number(day.slice(0, 4)) < demoRecentFromYear;

function shiftText(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(yearInText, (year) => (Number(year) < demoRecentFromYear ? year : String(Number(year) + years)));
}

function makeClock(now: Date, moveDay: (day: CalendarDay) => CalendarDay, shiftDays: number, shiftYears: number): DemoClock {
  const today = toCalendarDay(now);
  const clock: DemoClock = {
    now,
    today,
    shiftDays,
    shiftYears,
    day: (day) => (isHistory(day) ? day : moveDay(day)),
    instant(iso) {
      const time = Date.parse(iso);
      if (Number.isNaN(time)) throw new Error(`Invalid demo instant ${JSON.stringify(iso)}`);
      const day = toCalendarDay(new Date(time));
      // Whole days in China, where there is no daylight saving: the time of day stays as written.
      return new Date(time + (dayTime(clock.day(day)) - dayTime(day)));
    },
    text: (text) => shiftText(text, shiftYears),
    everyYear(storyDay) {
      let years = Number(today.slice(0, 4)) - Number(storyDay.slice(0, 4));
      while (addYears(storyDay, years) > today) years--;
      return makeClock(
        now,
        (day) => addYears(day, years),
        Math.round((dayTime(addYears(storyDay, years)) - dayTime(storyDay)) / dayMs),
        years,
      );
    },
  };
  return clock;
}

/** The demo's clock when it is seeded at `now` (default: now). */
export function demoClock(now: Date = new Date()): DemoClock {
  const today = toCalendarDay(now);
  const shiftDays = Math.round((dayTime(today) - dayTime(demoStoryDay)) / dayMs);
  // Texts follow the nearest whole year: a story seeded months later still names the story's year.
  const shiftYears = Math.round(shiftDays / 365.2425);
  return makeClock(now, (day) => formatDay(dayTime(day) + shiftDays * dayMs), shiftDays, shiftYears);
}

/**
 * The clock of a demo seeded earlier, found from one of its dated records: re-seeding an existing demo
 * (`gongkai seed --demo`) on a later day fills in what is missing on the day it was first seeded, so
 * nothing is created twice under moved dates, years or keys.
 */
export function demoClockSeededAt(storyInstant: string, seededInstant: Date, now: Date = new Date()): DemoClock {
  const shiftDays = Math.round((dayTime(toCalendarDay(seededInstant)) - dayTime(toCalendarDay(new Date(storyInstant)))) / dayMs);
  const seededDay = formatDay(dayTime(demoStoryDay) + shiftDays * dayMs);
  // The time of day of the first seeding is not recorded: the current one stands in for it.
  const sameTimeThatDay = new Date(now.getTime() + dayTime(seededDay) - dayTime(toCalendarDay(now)));
  return demoClock(sameTimeThatDay);
}
