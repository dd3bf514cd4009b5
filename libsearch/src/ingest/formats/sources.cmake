# Sources of libsearch/src/ingest/formats/ (added to the libsearch target).
