#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "ingest/formats/sgml_text.hpp"
#include "ingest/text_util.hpp"
#include "libsearch/ingest/dates.hpp"
#include "libsearch/ingest/news_sgml.hpp"

// Reuters-21578 (see its README.txt, section VI) is tag soup rather than SGML
// a parser could validate: elements are found by their literal upper-case
// tags, which is also what makes reading all 22 files take a fraction of a second.

namespace libsearch {

namespace {

using std::string_view;
constexpr auto npos = string_view::npos;

struct Element {
    string_view content;
    std::size_t begin = 0;  ///< of the open tag, in the text searched
    std::size_t end = 0;    ///< just after the close tag
};

// Where the next <NAME> or <NAME attributes...> tag starts (`open` is "<NAME").
std::size_t find_open_tag(string_view text, string_view open, std::size_t from) {
    for (auto at = text.find(open, from); at != npos; at = text.find(open, at + 1)) {
        const auto after = at + open.size();
        if (after == text.size() || text[after] == '>' || text[after] == ' ') return at;  // not <DATELINE> for <DATE>
    }
    return npos;
}

// The first <NAME> element in `text` from `from`. A missing close tag ends
// the element at the next open tag of the same name, or at the end of a
// truncated text, so that one damaged story costs no other.
std::optional<Element> find_element(string_view text, string_view name, std::size_t from = 0) {
    const std::string open = "<" + std::string(name);
    const auto at = find_open_tag(text, open, from);
    if (at == npos) return std::nullopt;
    const auto content_begin = text.find('>', at);
    if (content_begin == npos) return std::nullopt;
    const std::string close = "</" + std::string(name) + ">";
    // The close tag is looked for only up to the next open tag: searching
    // the whole rest of the text for each unclosed element was quadratic.
    const auto next_open = find_open_tag(text, open, content_begin + 1);
    const auto limit = next_open == npos ? text.size() : next_open;
    auto close_at = text.substr(0, limit).find(close, content_begin + 1);
    if (close_at != npos && (next_open == npos || close_at < next_open))
        return Element{text.substr(content_begin + 1, close_at - content_begin - 1), at, close_at + close.size()};
    const auto end = next_open == npos ? text.size() : next_open;
    return Element{text.substr(content_begin + 1, end - content_begin - 1), at, end};
}

string_view element_content(string_view text, string_view name) {
    const auto element = find_element(text, name);
    return element ? element->content : string_view{};
}

// The value of NAME="value" in an open tag.
string_view attribute(string_view open_tag, string_view name) {
    const std::string key = " " + std::string(name) + "=\"";
    const auto at = open_tag.find(key);
    if (at == npos) return {};
    const auto begin = at + key.size();
    const auto end = open_tag.find('"', begin);
    return end == npos ? string_view{} : open_tag.substr(begin, end - begin);
}

// The <D> values of a category list such as <TOPICS> or <PLACES>.
std::vector<std::string> d_values(string_view list) {
    std::vector<std::string> values;
    for (auto d = find_element(list, "D"); d; d = find_element(list, "D", d->end)) {
        auto value = ingest::collapse_whitespace(ingest::decode_sgml_text(d->content));
        if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end())
            values.push_back(std::move(value));
    }
    return values;
}

// "By Janie Gabbett, Reuters" -> "Janie Gabbett": the byline word and the
// agency, which every story shares, are not part of the author's name.
std::string author_name(string_view raw) {
    std::string author = ingest::collapse_whitespace(ingest::decode_sgml_text(raw));
    if (ingest::istarts_with(author, "by ")) author.erase(0, 3);
    for (const string_view agency : {", reuters", ", reuter"}) {
        if (author.size() > agency.size() &&
            ingest::iequals(string_view(author).substr(author.size() - agency.size()), agency)) {
            author.resize(author.size() - agency.size());
            break;
        }
    }
    return author;
}

// The date part of <DATE>, without the noise that may follow the time
// ("14:04:26.14&#5;&#5;&#5;F", "00:00:00.00    # date added by ...").
string_view date_text(string_view raw) {
    const auto noise = std::find_if(raw.begin(), raw.end(), [](char c) {
        return c == '&' || c == '#' || (static_cast<unsigned char>(c) < 0x20 && c != ' ' && c != '\t');
    });
    return ingest::trim(raw.substr(0, static_cast<std::size_t>(noise - raw.begin())));
}

// Reuters ends every story with a sign-off line "Reuter": not article text.
string_view without_sign_off(string_view text) {
    auto end = text.find_last_not_of(" \t\n\r");
    if (end == npos) return {};
    const auto line_start = text.find_last_of('\n', end);
    const auto last_line = ingest::trim(text.substr(line_start == npos ? 0 : line_start + 1));
    if (ingest::iequals(last_line, "reuter") || ingest::iequals(last_line, "reuters"))
        return text.substr(0, line_start == npos ? 0 : line_start);
    return text;
}

// <TEXT> without <BODY> (TYPE="BRIEF" or "UNPROC"): its content minus the
// elements read elsewhere, and minus the "******" flash markers.
std::string text_without_body(string_view text) {
    std::vector<Element> cut;
    for (const string_view name : {"TITLE", "AUTHOR", "DATELINE"})
        if (const auto element = find_element(text, name)) cut.push_back(*element);
    std::sort(cut.begin(), cut.end(), [](const Element& a, const Element& b) { return a.begin < b.begin; });
    std::string rest;
    std::size_t from = 0;
    for (const auto& element : cut) {
        if (element.begin < from) continue;
        rest.append(text.substr(from, element.begin - from)).append("\n\n");
        from = element.end;
    }
    rest.append(text.substr(from));
    std::string cleaned;
    for (const auto line : ingest::split_lines(rest)) {
        if (line.find_first_not_of("* \t") == npos)
            cleaned += "\n";  // keeps paragraph breaks
        else
            cleaned.append(line).append("\n");
    }
    return cleaned;
}

struct Story {
    Article article;
    std::optional<std::string> bad_date;  ///< the DATE text, when it is not a readable date
    std::size_t date_offset = 0;          ///< of <DATE> in the story
};

Story read_story(string_view open_tag, string_view story) {
    Story result;
    Article& a = result.article;
    a.id = std::string(attribute(open_tag, "NEWID"));
    a.language = "en";
    a.categories = d_values(element_content(story, "TOPICS"));
    a.places = d_values(element_content(story, "PLACES"));
    if (const auto date = find_element(story, "DATE")) {
        if ((a.date = parse_date(date_text(date->content))))
            a.date_source = DateSource::article;
        else
            result.bad_date = ingest::collapse_whitespace(ingest::decode_sgml_text(date->content));
        result.date_offset = date->begin;
    }
    const auto text = element_content(story, "TEXT");
    a.title = ingest::collapse_whitespace(ingest::decode_sgml_text(element_content(text, "TITLE")));
    if (const auto author = find_element(text, "AUTHOR")) a.author = author_name(author->content);
    const auto body = find_element(text, "BODY");
    const auto decoded =
        body ? ingest::decode_sgml_text(body->content) : ingest::decode_sgml_text(text_without_body(text));
    a.body = ingest::reflow_paragraphs(without_sign_off(decoded));
    return result;
}

}  // namespace

ReadResult read_news_sgml(string_view text, string_view source) {
    ReadResult result;
    std::size_t line = 1, counted_to = 0;
    // Stories come in file order, so lines are counted once, incrementally.
    auto line_at = [&](std::size_t pos) {
        line += static_cast<std::size_t>(std::count(text.begin() + counted_to, text.begin() + pos, '\n'));
        counted_to = pos;
        return line;
    };
    for (auto story = find_element(text, "REUTERS"); story; story = find_element(text, "REUTERS", story->end)) {
        const auto open_tag = text.substr(story->begin, text.find('>', story->begin) - story->begin);
        const std::size_t story_line = line_at(story->begin);
        // A story with no text (NEWID 12793) is still a story of the
        // collection: it is returned, so that every NEWID has its article.
        auto [article, bad_date, date_offset] = read_story(open_tag, story->content);
        if (bad_date) {
            const auto date_pos = static_cast<std::size_t>(story->content.data() - text.data()) + date_offset;
            result.warnings.push_back(
                {std::string(source), line_at(date_pos),
                 "unreadable date '" + *bad_date + "' in story NEWID " + article.id + "; the story is kept, undated"});
        }
        article.source = std::string(source) + ":" + std::to_string(story_line);
        result.articles.push_back(std::move(article));
    }
    return result;
}

}  // namespace libsearch
