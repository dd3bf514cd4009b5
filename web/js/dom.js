// Building DOM without HTML strings: nothing here parses HTML. Plain text from the index goes in
// as text; the API's documented escaped-HTML fields go through setMarkedHtml().

/**
 * Create an element. `props` may hold:
 *   class: string, text: string, attrs: {name: value} (false/null/undefined skip),
 *   on: {event: handler}, and any other key is set as a property (e.g. value, checked).
 * Children: nodes, strings (inserted as text), arrays of those; null/false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'attrs') {
      for (const [name, v] of Object.entries(value)) {
        if (v !== false && v !== null && v !== undefined) el.setAttribute(name, v === true ? '' : String(v));
      }
    } else if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (key === 'dataset') Object.assign(el.dataset, value);
    else el[key] = value;
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace every child of `el`. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * Insert a field that the API documents as escaped HTML (title_html, snippet, body_html): escaped
 * text with bare <mark>…</mark> and <p>…</p> tags. It is never parsed as HTML: those four exact
 * tags become elements, entities are decoded, and anything else (any other tag, a tag with
 * attributes) stays literal text. So nothing in it can load or run, even if the server got it wrong.
 */
export function setMarkedHtml(el, html) {
  const root = document.createDocumentFragment();
  const open = [root];
  const text = (s) => { if (s) open[open.length - 1].append(decodeEntities(s)); };
  let last = 0;
  for (const m of (html || '').matchAll(/<(\/?)(mark|p)>/gi)) {
    text(html.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = m[2].toUpperCase();
    if (!m[1]) {
      if (tag === 'P') open.length = 1; // paragraphs do not nest
      const child = document.createElement(tag.toLowerCase());
      open[open.length - 1].append(child);
      open.push(child);
    } else {
      const at = open.findLastIndex((node) => node.tagName === tag);
      if (at > 0) open.length = at;
    }
  }
  text((html || '').slice(last));
  el.replaceChildren(root);
}

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** "&lt;b&gt; &amp; &#39;" -> "<b> & '". Unknown entities stay as written. */
export function decodeEntities(s) {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (all, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** A URL fit to be a link: only http and https; otherwise null. */
export function safeHttpUrl(text) {
  if (typeof text !== 'string' || !text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Format a number for people: 12,345. */
export const formatCount = (n) => new Intl.NumberFormat('en').format(n);

/** "1 article" / "3 articles". */
export const plural = (n, one, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A click the browser should handle itself (another button, or a modifier: new tab, window, download). */
export const opensElsewhere = (e) => e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey;
