// "Cite this article": the citation line of an /api/doc answer with the reader's access date,
// and a button that copies it. The line itself comes from the server (libsearch::cite owns the
// format); only the access date is the reader's, so it is added here as
// libsearch::citation_with_access() adds it: " Accessed YYYY-MM-DD."

import { h } from './dom.js';

/** "2026-11-28": the reader's today, in the reader's time zone. */
export function accessedDate(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The citation line with the access date appended. */
export function citationLine(citation, now = new Date()) {
  const text = (citation && citation.text) || '';
  return `${text}${text ? ' ' : ''}Accessed ${accessedDate(now)}.`;
}

/** The citation section for `doc`, or null when the server sent no citation. */
export function renderCitation(doc) {
  if (!doc.citation) return null;
  const line = citationLine(doc.citation);
  const text = h('p', { class: 'citation-text', id: 'citation-text', text: line });
  const status = h('span', { class: 'copy-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const copy = async () => {
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
      await navigator.clipboard.writeText(line);
      status.textContent = 'Copied.';
    } catch {
      // No clipboard (plain http, or permission refused): select the line for Ctrl+C.
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.selectAllChildren(text);
      status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    }
  };
  return h('section', { class: 'citation', attrs: { 'aria-labelledby': 'citation-heading' } },
    h('h2', { id: 'citation-heading', text: 'Cite this article' }),
    text,
    h('p', { class: 'citation-actions' },
      h('button', { type: 'button', class: 'small-button copy-citation', text: 'Copy citation', on: { click: copy } }),
      ' ', status));
}
