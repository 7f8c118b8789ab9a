// Dates as a US-English Windows server prints them (DateTime.ToString() in en-US), in the mock's time zone (UTC).

/**
 * `M/d/yyyy h:mm:ss AM|PM` of the UTC time, e.g. for the SMTP overwrite question and error time stamps.
 * @example formatUsDateTime(new Date('2027-12-30T14:39:08Z')) // '12/30/2027 2:39:08 PM'
 */
export function formatUsDateTime(date: Date): string {
  const h24 = date.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${h12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h24 < 12 ? 'AM' : 'PM'}`;
}
