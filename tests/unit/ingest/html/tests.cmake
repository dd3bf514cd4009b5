# Tests of libsearch/src/ingest/html/ (added to libsearch_tests).
