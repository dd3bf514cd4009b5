// JSON-LD (<script type="application/ld+json">) read into JsonLd.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "ingest/html/page_metadata.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxDepth = 24;
constexpr std::size_t kMaxObjects = 5000;

// The JSON of a script element, with what pages wrap it in and raw control
// characters (often unescaped newlines inside strings) made spaces.
json parse_block(std::string text) {
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    std::string_view body = trim(text);
    for (std::string_view prefix : {"<!--", "//<![CDATA[", "<![CDATA["})
        if (body.starts_with(prefix)) body = trim(body.substr(prefix.size()));
    for (std::string_view suffix : {"-->", "//]]>", "]]>", ";"})
        if (body.ends_with(suffix)) body = trim(body.substr(0, body.size() - suffix.size()));
    return json::parse(body, nullptr, false);
}

// A value as text: a string, the first of an array, an object's name
// (a few levels deep at most: JSON-LD nests a name in an object or array).
std::string string_of(const json& value) {
    constexpr int kMaxHops = 4;
    const json* current = &value;
    for (int hop = 0; hop <= kMaxHops; ++hop) {
        if (current->is_string()) return collapse_whitespace(decode_character_references(current->get<std::string>()));
        if (current->is_array() && !current->empty()) {
            current = &current->front();
        } else if (current->is_object() && current->contains("name")) {
            current = &(*current)["name"];
        } else {
            break;
        }
    }
    return {};
}

// The lower-case @type names of an object.
std::vector<std::string> types_of(const json& object) {
    std::vector<std::string> types;
    const auto it = object.find("@type");
    if (it == object.end()) return types;
    if (it->is_string()) types.push_back(ascii_lower(it->get<std::string>()));
    if (it->is_array())
        for (const auto& type : *it)
            if (type.is_string()) types.push_back(ascii_lower(type.get<std::string>()));
    return types;
}

bool is_article_type(const std::vector<std::string>& types) {
    return std::any_of(types.begin(), types.end(), [](const std::string& type) {
        return type.ends_with("article") || type.ends_with("posting") || type == "report";
    });
}

bool is_url(std::string_view text) { return text.starts_with("http://") || text.starts_with("https://"); }

void add_authors(const json& value, std::vector<std::string>& authors) {
    const auto add = [&](const json& one) {
        std::string name = string_of(one);
        if (!name.empty() && !is_url(name) && name.size() < 100) authors.push_back(std::move(name));
    };
    if (value.is_array()) {
        for (const auto& one : value) add(one);
    } else {
        add(value);
    }
}

void add_breadcrumbs(const json& list, std::vector<std::string>& breadcrumbs) {
    const auto it = list.find("itemListElement");
    if (it == list.end() || !it->is_array()) return;
    std::vector<std::pair<double, std::string>> items;
    for (const auto& element : *it) {
        if (!element.is_object()) continue;
        std::string name = element.contains("name") ? string_of(element["name"]) : std::string();
        if (name.empty() && element.contains("item")) name = string_of(element["item"]);
        const auto position = element.find("position");
        const double order = position != element.end() && position->is_number() ? position->get<double>()
                                                                                : static_cast<double>(items.size());
        if (!name.empty()) items.emplace_back(order, std::move(name));
    }
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (!breadcrumbs.empty()) return;  // the first list only
    for (auto& item : items) breadcrumbs.push_back(std::move(item.second));
}

void read_article(const json& object, JsonLd& out, bool& have_article) {
    for (const char* key : {"headline", "name"}) {
        if (!object.contains(key)) continue;
        std::string headline = string_of(object[key]);
        if (!headline.empty()) {
            out.headlines.push_back(std::move(headline));
            break;
        }
    }
    if (object.contains("datePublished")) out.dates_published.push_back(string_of(object["datePublished"]));
    if (!have_article && object.contains("author")) add_authors(object["author"], out.authors);
    if (object.contains("articleSection")) {
        const json& section = object["articleSection"];
        if (section.is_array()) {
            for (const auto& one : section) out.sections.push_back(string_of(one));
        } else {
            out.sections.push_back(string_of(section));
        }
    }
    have_article = true;
}

class Reader {
  public:
    explicit Reader(JsonLd& out) : out_(out) {}

    void read(const json& root) {
        std::vector<std::pair<const json*, std::size_t>> stack{{&root, 0}};
        while (!stack.empty() && objects_ < kMaxObjects) {
            const auto [value, depth] = stack.back();
            stack.pop_back();
            if (value->is_object()) read_object(*value);
            if (depth >= kMaxDepth || !(value->is_object() || value->is_array())) continue;
            // Reverse, so that values are read in document order.
            std::vector<const json*> children;
            for (const auto& child : *value)
                if (child.is_object() || child.is_array()) children.push_back(&child);
            for (auto it = children.rbegin(); it != children.rend(); ++it) stack.emplace_back(*it, depth + 1);
        }
    }

  private:
    void read_object(const json& object) {
        ++objects_;
        const auto types = types_of(object);
        if (is_article_type(types)) {
            read_article(object, out_, have_article_);
        } else if (std::find(types.begin(), types.end(), "breadcrumblist") != types.end()) {
            add_breadcrumbs(object, out_.breadcrumbs);
        } else if (object.contains("datePublished")) {
            out_.other_dates.push_back(string_of(object["datePublished"]));
        }
        if (out_.publisher.empty() && object.contains("publisher")) out_.publisher = string_of(object["publisher"]);
        if (out_.language.empty() && object.contains("inLanguage")) out_.language = string_of(object["inLanguage"]);
    }

    JsonLd& out_;
    bool have_article_ = false;
    std::size_t objects_ = 0;
};

}  // namespace

JsonLd read_json_ld(const Document& document) {
    JsonLd out;
    Reader reader(out);
    for (NodeId id = 1; id < document.size(); ++id) {
        if (document[id].tag != GUMBO_TAG_SCRIPT || document[id].is_text) continue;
        std::string text;
        for (NodeId child = id + 1; child < document[id].end; ++child)
            if (document[child].is_text) text += document[child].text;
        if (text.empty()) continue;
        const json root = parse_block(std::move(text));
        if (!root.is_discarded()) reader.read(root);
    }
    std::erase_if(out.dates_published, [](const std::string& date) { return date.empty(); });
    std::erase_if(out.other_dates, [](const std::string& date) { return date.empty(); });
    std::erase_if(out.headlines, [](const std::string& headline) { return headline.empty(); });
    std::erase_if(out.sections, [](const std::string& section) { return section.empty(); });
    return out;
}

}  // namespace libsearch::ingest::html
