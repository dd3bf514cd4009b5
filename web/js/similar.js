// "Similar articles" under the article view (GET /api/doc/{id}/similar): links that open each
// one in the same view, with its date or "undated". Loads after the article, on its own, so a
// slow or failed list never holds the article back.

import * as api from './api.js';
import { h } from './dom.js';
import { formatDate } from './dates.js';

const LIMIT = 5;

/**
 * Fill `section` with the articles similar to article `id`.
 * @param {object} opts {linkTo(similar) -> href, onOpen(event, similar), signal}
 */
export async function renderSimilar(section, id, { linkTo, onOpen, signal }) {
  const heading = h('h2', { id: 'similar-heading', text: 'Similar articles' });
  section.setAttribute('aria-labelledby', 'similar-heading');
  const show = (state, ...content) => {
    section.dataset.state = state;
    section.setAttribute('aria-busy', String(state === 'loading'));
    section.replaceChildren(heading, ...content);
  };
  show('loading', h('p', { class: 'muted similar-status', text: 'Looking for similar articles…' }));
  let answer;
  try {
    answer = await api.similar(id, LIMIT, signal);
  } catch (err) {
    if (err.name === 'AbortError') return;
    show('error', h('div', { class: 'message error', attrs: { role: 'alert' } },
      h('p', { text: `Similar articles cannot be shown: ${err.message}` }),
      h('p', {}, h('button', {
        type: 'button', class: 'small-button', text: 'Try again',
        on: { click: () => renderSimilar(section, id, { linkTo, onOpen, signal }) },
      }))));
    return;
  }
  if (!answer.similar.length) {
    show('done', h('p', { class: 'muted similar-status', text: 'No similar articles in the archive.' }));
    return;
  }
  show('done', h('ul', { class: 'similar-list', attrs: { 'aria-labelledby': 'similar-heading' } },
    answer.similar.map((s) => h('li', {},
      h('a', {
        href: linkTo(s), class: 'similar-link', dataset: { docId: s.id }, text: s.title || 'Untitled article',
        on: { click: (e) => onOpen(e, s) },
      }),
      ' ',
      s.date ? h('time', { dateTime: s.date, text: formatDate(s.date) }) : h('span', { class: 'undated', text: 'undated' })))));
}
