#include "search/similar.hpp"

#include <vector>

#include "libsearch/schema.hpp"

namespace libsearch::search {

namespace {

class FreeTextShared : public Xapian::ExpandDecider {
  public:
    FreeTextShared(const Xapian::Database& db, const Xapian::Stopper* stopper) : db_(db), stopper_(stopper) {}
    bool operator()(const std::string& term) const override {
        return is_free_text_term(term) && !(stopper_ && (*stopper_)(term)) && db_.get_termfreq(term) > 1;
    }

  private:
    const Xapian::Database& db_;
    const Xapian::Stopper* stopper_;
};

}  // namespace

bool is_free_text_term(const std::string& term) {
    if (term.empty()) return false;
    const unsigned char first = static_cast<unsigned char>(term.front());
    return !(first >= 'A' && first <= 'Z');
}

Xapian::Query similar_query(const Xapian::Database& db, Xapian::docid source, const Xapian::Stopper* stopper,
                            Xapian::termcount terms) {
    Xapian::RSet rset;
    rset.add_document(source);
    Xapian::Enquire enquire(db);
    const FreeTextShared decider(db, stopper);
    const Xapian::ESet eset = enquire.get_eset(terms, rset, &decider);
    if (eset.empty()) return Xapian::Query();
    // Scaled to the best term, so weights stay in the range of a search's.
    const double top = eset.begin().get_weight();
    std::vector<Xapian::Query> parts;
    for (auto it = eset.begin(); it != eset.end(); ++it)
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), top > 0 ? it.get_weight() / top : 1.0);
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

bool NotReprintOf::operator()(const Xapian::Document& doc) const {
    return hash_.empty() || doc.get_value(schema::slot_content_hash) != hash_;
}

}  // namespace libsearch::search
