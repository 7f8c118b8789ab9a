// Date arithmetic with .NET semantics, for validity periods.

/**
 * `date` plus `months` calendar months in UTC, keeping the time of day; the day is clamped to the target month's
 * length like .NET DateTime.AddMonths (31 Jan + 1 month = 28/29 Feb).
 * @example addMonthsUtc(new Date('2023-02-02T03:09:22Z'), 60).toISOString() // '2028-02-02T03:09:22.000Z'
 */
export function addMonthsUtc(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const out = new Date(date.getTime());
  out.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return out;
}

/**
 * `date` with the milliseconds dropped: X.509 validity times have one-second precision.
 * @example truncateToSeconds(new Date('2023-02-02T03:09:22.345Z')).toISOString() // '2023-02-02T03:09:22.000Z'
 */
export function truncateToSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
