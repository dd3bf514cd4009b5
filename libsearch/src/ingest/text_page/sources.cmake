# Sources of libsearch/src/ingest/text_page/ (added to the libsearch target).
