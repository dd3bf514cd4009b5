#pragma once
/// @file libsearch.hpp
/// Everything an embedder needs: write articles with IndexWriter, read them
/// back with Searcher. See libsearch/examples/quickstart.cpp.

#include "libsearch/article.hpp"
#include "libsearch/citation.hpp"
#include "libsearch/date.hpp"
#include "libsearch/errors.hpp"
#include "libsearch/export.hpp"
#include "libsearch/index_writer.hpp"
#include "libsearch/kwic.hpp"
#include "libsearch/language.hpp"
#include "libsearch/schema.hpp"
#include "libsearch/searcher.hpp"
#include "libsearch/synonyms.hpp"
