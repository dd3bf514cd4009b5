# Tests of libsearch/src/ingest/formats/ (added to libsearch_tests).
