# Tests of libsearch/src/ingest/text_page/ (added to libsearch_tests).
