// Autocomplete for the search box (ARIA 1.2 combobox with a listbox popup), from /api/suggest.

import { h } from './dom.js';
import * as api from './api.js';

const DELAY_MS = 120;

/**
 * Attach suggestions to `input`, drawn in `listbox`.
 * `onPick(suggestion)` is called for a chosen suggestion ({text, kind, id?}).
 */
export function attachSuggest(input, listbox, onPick) {
  let options = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  const close = () => {
    clearTimeout(timer);
    if (controller) controller.abort();
    controller = null;
    options = [];
    active = -1;
    listbox.hidden = true;
    listbox.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const setActive = (index) => {
    active = index;
    listbox.querySelectorAll('[role=option]').forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      const li = listbox.children[index];
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const show = (list) => {
    options = list;
    active = -1;
    if (!list.length || document.activeElement !== input) return close();
    listbox.replaceChildren(...list.map((s, i) => h('li', {
      id: `suggestion-${i}`, class: `suggestion suggestion-${s.kind === 'title' ? 'title' : 'term'}`,
      attrs: { role: 'option', 'aria-selected': 'false' },
      on: {
        pointerdown: (e) => e.preventDefault(), // keep focus in the input
        click: () => { close(); onPick(s); },
      },
    }, h('span', { class: 'suggestion-text', text: s.text }),
    s.kind === 'title' ? h('span', { class: 'suggestion-kind', text: 'article' }) : null)));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const fetchFor = (text) => {
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    api.suggest(text, signal)
      .then((answer) => { if (!signal.aborted && input.value === text) show((answer.suggestions || []).slice(0, 8)); })
      .catch(() => { /* suggestions are a convenience: stay quiet */ });
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value;
    if (!text.trim()) return close();
    timer = setTimeout(() => fetchFor(text), DELAY_MS);
  });

  input.addEventListener('keydown', (e) => {
    const open = !listbox.hidden && options.length > 0;
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive(active + 1 >= options.length ? 0 : active + 1);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      const s = options[active];
      close();
      onPick(s);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault(); // do not clear the field as well
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) close(); }, 0));
  return { close };
}
