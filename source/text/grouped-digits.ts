/**
 * A count with its thousands grouped by commas, as `toLocaleString('en-US')` writes it: that
 * first call loads ICU's number formatting, 50-160 ms of CPU (2026-12-06, load 2-20), which
 * `margin stats` spent after the store's check, before its first line. Counts are whole numbers;
 * anything else is left to `toLocaleString`.
 */
export function groupedDigits(value: number): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return value.toLocaleString('en-US');
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = out.length; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`;
  return value < 0 ? `-${out}` : out;
}
