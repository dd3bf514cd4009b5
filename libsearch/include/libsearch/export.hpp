#pragma once
/// @file export.hpp
/// Search hits as rows of a CSV file (RFC 4180) or of JSON Lines, for
/// exporting every match of a query (see Searcher::for_each_match). Both
/// name the same columns, in this order:
///   id, title, date, categories, author, url, language, snippet
/// A date is "YYYY-MM-DD"; an undated article has an empty one (null in
/// JSON), never a made-up one. The snippet is written as it is in the Hit:
/// ask for SnippetFormat::text to get plain text rather than HTML.

#include <string>

#include "libsearch/searcher.hpp"

namespace libsearch {

/// How CSV cells are written.
struct CsvOptions {
    /// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
    /// return) as a formula, and a title or snippet is text anyone could
    /// have written: "=HYPERLINK(...)" would become a live link. Such a cell
    /// gets a leading apostrophe (OWASP's advice), which spreadsheets show as
    /// text; a program reading the file sees the apostrophe. On by default,
    /// as CSV is mostly opened in spreadsheets; off gives the text unchanged.
    bool guard_formulas = true;
};

/// The header line, CRLF-terminated: "id,title,date,categories,author,url,language,snippet\r\n".
std::string csv_header();

/// One hit as a CSV record, CRLF-terminated. A field with a comma, quote, CR
/// or LF is quoted and its quotes doubled; categories are joined with "; ".
/// Text is written as the UTF-8 it is (no byte-order mark).
std::string csv_row(const Hit& hit, const CsvOptions& options = {});

/// One hit as a JSON object on one line, "\n"-terminated, with the fields
/// id, title, date (string or null), categories (array), author, url,
/// language, snippet. Never guarded: programs read JSON Lines.
std::string jsonl_row(const Hit& hit);

}  // namespace libsearch
