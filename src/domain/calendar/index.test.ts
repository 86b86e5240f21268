import { describe, expect, it } from 'vitest';
import {
  endOfVietnamDay,
  hourInVietnam,
  nextSchoolYear,
  previousSchoolYear,
  schoolYearEndYear,
  schoolYearOfDate,
  schoolYearStarting,
  schoolYearStartYear,
  spansConsecutiveYears,
  startOfVietnamDay,
  termOfDate,
  todayInVietnam,
  usualCalendar,
  vietnameseDate,
} from './index.ts';

describe('days in Việt Nam (UTC+7, whatever the machine’s time zone)', () => {
  it('a new day starts at 17:00 UTC: 16:59:59 UTC is still yesterday in Việt Nam', () => {
    expect(todayInVietnam(new Date('2026-04-29T16:59:59Z'))).toBe('2026-04-29');
    expect(todayInVietnam(new Date('2026-04-29T17:00:00Z'))).toBe('2026-04-30');
  });

  it('a new year in Việt Nam begins on 31 December UTC', () => {
    expect(todayInVietnam(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('the hour on a clock in Việt Nam: 04:30 UTC is 11 (morning), 05:00 UTC is 12 (afternoon)', () => {
    expect(hourInVietnam(new Date('2026-04-29T04:30:00Z'))).toBe(11);
    expect(hourInVietnam(new Date('2026-04-29T05:00:00Z'))).toBe(12);
    expect(hourInVietnam(new Date('2026-04-29T17:00:00Z'))).toBe(0);
  });

  it('a Vietnamese day runs from 17:00 UTC the day before to 17:00 UTC, its end exclusive', () => {
    expect(startOfVietnamDay('2026-03-01').toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(endOfVietnamDay('2026-02-28').toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(endOfVietnamDay('2025-12-31').toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('dates are written day/month/year in Vietnamese', () => {
    expect(vietnameseDate('2025-09-05')).toBe('05/09/2025');
  });
});

describe('school years', () => {
  it('a school year starts on 1 August: 31 July is still the year that is ending', () => {
    expect(schoolYearOfDate('2025-07-31')).toBe('2024-2025');
    expect(schoolYearOfDate('2025-08-01')).toBe('2025-2026');
  });

  it('September to December and January to May belong to the same school year', () => {
    expect(schoolYearOfDate('2025-09-05')).toBe('2025-2026');
    expect(schoolYearOfDate('2025-12-31')).toBe('2025-2026');
    expect(schoolYearOfDate('2026-01-01')).toBe('2025-2026');
    expect(schoolYearOfDate('2026-05-31')).toBe('2025-2026');
  });

  it('the day in Việt Nam decides the school year: 31 July 17:00 UTC is already 1 August', () => {
    expect(schoolYearOfDate(todayInVietnam(new Date('2025-07-31T16:59:00Z')))).toBe('2024-2025');
    expect(schoolYearOfDate(todayInVietnam(new Date('2025-07-31T17:00:00Z')))).toBe('2025-2026');
  });

  it('years before and after, and the calendar years a code spans', () => {
    expect(previousSchoolYear('2025-2026')).toBe('2024-2025');
    expect(nextSchoolYear('2025-2026')).toBe('2026-2027');
    expect(nextSchoolYear('2099-2100')).toBe('2100-2101');
    expect(schoolYearStartYear('2025-2026')).toBe(2025);
    expect(schoolYearEndYear('2025-2026')).toBe(2026);
    expect(schoolYearStarting(2025)).toBe('2025-2026');
  });

  it('a code spans two consecutive years', () => {
    expect(spansConsecutiveYears('2025-2026')).toBe(true);
    expect(spansConsecutiveYears('2025-2027')).toBe(false);
    expect(spansConsecutiveYears('2026-2025')).toBe(false);
  });

  it('the usual calendar runs from 5 September to 31 May, term 1 ending on 17 January', () => {
    expect(usualCalendar('2025-2026')).toEqual({
      code: '2025-2026',
      startsOn: '2025-09-05',
      term1EndsOn: '2026-01-17',
      term2StartsOn: '2026-01-19',
      endsOn: '2026-05-31',
    });
  });

  it('term 1 includes its last day; the break between the terms counts with term 2', () => {
    const calendar = { term1EndsOn: '2026-01-17' };
    expect(termOfDate(calendar, '2026-01-17')).toBe(1);
    expect(termOfDate(calendar, '2026-01-18')).toBe(2);
  });
});
