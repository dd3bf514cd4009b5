# Sources of libsearch/src/ingest/html/ (added to the libsearch target).
