// Dates and periods as the API writes them: "YYYY", "YYYY-MM", "YYYY-MM-DD".

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const BOUND = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" with a month 01..12 and a day 01..31. */
export function isDateBound(text) {
  const m = BOUND.exec(text || '');
  if (!m) return false;
  if (m[2] && (+m[2] < 1 || +m[2] > 12)) return false;
  if (m[3] && (+m[3] < 1 || +m[3] > 31)) return false;
  return true;
}

/** {year, month|null, day|null} of a bound, or null. */
export function parseBound(text) {
  const m = BOUND.exec(text || '');
  if (!m) return null;
  return { year: +m[1], month: m[2] ? +m[2] : null, day: m[3] ? +m[3] : null };
}

/** "9 February 2013" (long) or "9 Feb 2013"; "" for null. */
export function formatDate(iso, style = 'medium') {
  const b = parseBound(iso);
  if (!b) return iso || '';
  if (!b.month) return String(b.year);
  const month = style === 'long' ? MONTHS[b.month - 1] : MONTHS[b.month - 1].slice(0, 3);
  return b.day ? `${b.day} ${month} ${b.year}` : `${month} ${b.year}`;
}

/** A period for people: "2013", "February 2013", "9 February 2013". */
export const formatPeriod = (bound) => formatDate(bound, 'long');

export const monthName = (month) => MONTHS[month - 1];

/** "2013-02" from year 2013, month 2. */
export const monthKey = (year, month) => `${year}-${String(month).padStart(2, '0')}`;

/** A date filter for people: "2013", "2013 – 2014", "since March 2013", "until 2012". */
export function formatRange(from, to) {
  if (from && to) return from === to ? formatPeriod(from) : `${formatPeriod(from)} – ${formatPeriod(to)}`;
  if (from) return `since ${formatPeriod(from)}`;
  if (to) return `until ${formatPeriod(to)}`;
  return '';
}
