// The article view: title, date, categories, author, the original link, and the body with
// every match of the query marked, plus buttons to step through the matches.

import { h, setMarkedHtml, safeHttpUrl, plural } from './dom.js';
import { formatDate } from './dates.js';
import { renderCitation } from './citation.js';

const SOURCE_NOTE = { crawl: 'date of the web crawl', file: 'date of the file' };

/**
 * Draw `doc` (an /api/doc answer) into `el`.
 * @param {object} opts {backHref, backLabel, onBack(event), categoryHref(name), onCategory(event, name)}
 */
export function renderArticle(el, doc, { backHref, backLabel, onBack, categoryHref, onCategory }) {
  const title = h('h1', { class: 'article-title', tabIndex: -1, id: 'article-title' });
  setMarkedHtml(title, doc.title_html || '');
  if (!title.textContent.trim()) title.textContent = doc.title || 'Untitled article';

  const meta = h('p', { class: 'article-meta' });
  if (doc.date) {
    meta.append(h('time', { dateTime: doc.date, text: formatDate(doc.date, 'long') }));
    if (SOURCE_NOTE[doc.date_source]) meta.append(h('span', { class: 'muted', text: ` (${SOURCE_NOTE[doc.date_source]})` }));
  } else {
    meta.append(h('span', { class: 'undated', text: 'Undated' }));
  }
  if (doc.author) meta.append(' · ', h('span', { class: 'article-author' }, 'By ', h('span', { text: doc.author })));
  if (doc.language) meta.append(' · ', h('span', { class: 'muted', text: languageName(doc.language) }));

  const categories = (doc.categories || []).length
    ? h('ul', { class: 'article-categories', attrs: { 'aria-label': 'Categories' } },
      doc.categories.map((c) => h('li', {}, h('a', {
        href: categoryHref(c), class: 'tag', text: c,
        attrs: { 'aria-label': `Search the category ${c}` },
        on: { click: (e) => onCategory(e, c) },
      }))))
    : null;

  const links = [doc.url, ...(doc.other_urls || [])].filter(Boolean);
  const source = links.length
    ? h('div', { class: 'article-source' },
      h('span', { class: 'label', text: links.length > 1 ? 'Original pages: ' : 'Original: ' }),
      links.map((url, i) => [i ? ', ' : '', originalLink(url)]))
    : null;

  const body = h('div', { class: 'article-body', id: 'article-body' });
  setMarkedHtml(body, doc.body_html || '');
  if (!body.textContent.trim() && doc.body) {
    // No HTML body: the plain text, paragraph by paragraph, as text.
    body.replaceChildren(...doc.body.split(/\n\s*\n/).map((p) => h('p', { text: p })));
  }

  const back = h('a', { href: backHref, class: 'back-link', on: { click: onBack } }, backLabel);
  el.replaceChildren(
    h('nav', { class: 'article-nav', attrs: { 'aria-label': 'Article' } }, back),
    h('header', { class: 'article-header' }, title, meta, categories, source),
    matchNavigator(body),
    body,
    renderCitation(doc),
    h('section', { class: 'similar', id: 'similar-articles' }));
  return title;
}

function originalLink(url) {
  const safe = safeHttpUrl(url);
  if (safe) return h('a', { href: safe, class: 'original-link', rel: 'noopener noreferrer', text: url });
  // Not http(s): shown, never followed.
  return h('span', { class: 'original-text', text: url, attrs: { title: 'Not a web link' } });
}

// "5 matches  ‹ Previous  Next ›" that scrolls from <mark> to <mark>.
function matchNavigator(body) {
  const marks = [...body.querySelectorAll('mark')];
  if (!marks.length) return null;
  let current = -1;
  const label = h('span', { class: 'match-count', attrs: { 'aria-live': 'polite' } }, `${plural(marks.length, 'match', 'matches')} highlighted`);
  const go = (step) => {
    if (current >= 0) marks[current].classList.remove('current');
    current = (current + step + marks.length) % marks.length;
    const m = marks[current];
    m.classList.add('current');
    m.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    label.textContent = `Match ${current + 1} of ${marks.length}`;
  };
  return h('div', { class: 'match-nav' },
    label,
    h('button', { type: 'button', class: 'small-button', text: '↑ Previous', attrs: { 'aria-label': 'Previous match' }, on: { click: () => go(-1) } }),
    h('button', { type: 'button', class: 'small-button', text: 'Next ↓', attrs: { 'aria-label': 'Next match' }, on: { click: () => go(1) } }));
}

function languageName(code) {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}
