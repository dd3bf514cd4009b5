// The category facet: checkboxes with counts. Several checked = articles in any of them.

import { h, formatCount } from './dom.js';

const SHOWN = 10;

/**
 * Draw the category list.
 * @param {object} els {list, more} elements
 * @param {Array<{value, count}>} values counts to show (without the category filter when one is set)
 * @param {string[]} selected categories checked now
 * @param {function(string[])} onChange called with the new selection
 */
export function renderCategories(els, values, selected, onChange, { expanded, onToggleMore }) {
  const byName = new Map(values.map((v) => [v.value.toLowerCase(), v]));
  const rows = [...values];
  for (const s of selected) if (!byName.has(s.toLowerCase())) rows.push({ value: s, count: 0 });
  const isSelected = (v) => selected.some((s) => s.toLowerCase() === v.toLowerCase());
  // Checked categories always show, whatever their rank.
  const visible = expanded ? rows : rows.filter((r, i) => i < SHOWN || isSelected(r.value));
  // Redrawing must not lose the keyboard focus of a checkbox.
  const focused = els.list.contains(document.activeElement) ? document.activeElement.value : null;
  els.list.replaceChildren(...visible.map((row) => {
    const checked = isSelected(row.value);
    const box = h('input', {
      type: 'checkbox', checked, value: row.value,
      on: {
        change: () => {
          const next = box.checked
            ? [...selected, row.value]
            : selected.filter((s) => s.toLowerCase() !== row.value.toLowerCase());
          onChange(next, row.value);
        },
      },
    });
    return h('li', { class: `category${checked ? ' checked' : ''}${row.count ? '' : ' none'}` },
      h('label', {},
        box,
        h('span', { class: 'category-name', text: row.value }),
        h('span', { class: 'count', text: formatCount(row.count), attrs: { 'aria-label': `${formatCount(row.count)} articles` } })));
  }));
  if (focused !== null) {
    const again = [...els.list.querySelectorAll('input')].find((box) => box.value === focused);
    if (again) again.focus();
  }
  if (!rows.length) els.list.append(h('li', { class: 'facet-empty', text: 'No categories' }));
  const hidden = rows.length - visible.length;
  els.more.hidden = rows.length <= SHOWN;
  els.more.textContent = expanded ? 'Show fewer' : `Show all ${formatCount(rows.length)} (${formatCount(hidden)} more)`;
  els.more.setAttribute('aria-expanded', String(!!expanded));
  els.more.onclick = onToggleMore;
}
