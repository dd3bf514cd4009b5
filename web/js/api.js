// The searchd HTTP API (searchd/API.md). Every call can be aborted with an AbortSignal.

/** The server answered with an error object: {error: {code, message, ...}}. */
export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.code = error.code || 'unknown';
    this.parameter = error.parameter;
    this.position = error.position;
  }
}

/** The server could not be reached (or answered something that is not JSON). */
export class NetworkError extends Error {
  constructor(cause) {
    super('The search server cannot be reached.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

async function getJson(path, params, signal) {
  const url = new URL(path, document.baseURI);
  if (params) url.search = params.toString();
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new NetworkError(err);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    if (response.ok) throw new NetworkError(err);
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** GET /api/search with URLSearchParams (q, category, from, to, sort, page, size, op, exact). */
export const search = (params, signal) => getJson('api/search', params, signal);

/** GET /api/doc/{id}, with the query whose matches to mark. */
export function article(id, q, signal) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  return getJson(`api/doc/${encodeURIComponent(id)}`, params, signal);
}

/** GET /api/doc/{id}/similar?limit= */
export const similar = (id, limit, signal) =>
  getJson(`api/doc/${encodeURIComponent(id)}/similar`, new URLSearchParams({ limit: String(limit) }), signal);

/** GET /api/suggest?q=PREFIX */
export const suggest = (prefix, signal) => getJson('api/suggest', new URLSearchParams({ q: prefix }), signal);

/** GET /api/kwic: every occurrence of a phrase in context (q, width, stem, offset, limit, filters, sort). */
export const kwic = (params, signal) => getJson('api/kwic', params, signal);
/** GET /api/timeline with URLSearchParams (q repeated, category, from, to, op, interval). */
export const timeline = (params, signal) => getJson('api/timeline', params, signal);
