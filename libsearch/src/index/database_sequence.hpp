#pragma once
// Databases read one after another and numbered on, in the order Xapian's
// compactor merges them: part i's document l is base_i + l, where base_i is
// the sum of the earlier parts' last docids. The numbers differ from the
// merged index's (the compactor closes gaps) but sort the same, so a pass
// that depends on document order (version grouping) decides the same on
// the parts as on the merge. A single database is one part, numbered as it is.

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace libsearch::index {

class DatabaseSequence {
  public:
    explicit DatabaseSequence(std::vector<Xapian::Database> parts);

    /// The highest number in use (0: no document).
    Xapian::docid last_docid() const { return last_; }
    Xapian::doccount doccount() const { return doccount_; }
    /// Document `d`; d must be one of the sequence's documents.
    Xapian::Document document(Xapian::docid d) const;

    /// The values of one slot, in ascending document order.
    class ValueStream {
      public:
        bool at_end() const { return part_ == sequence_->parts_.size(); }
        Xapian::docid docid() const { return sequence_->bases_[part_] + it_.get_docid(); }
        std::string value() const { return *it_; }
        void next();
        /// To the first document numbered `d` or more.
        void skip_to(Xapian::docid d);

      private:
        friend class DatabaseSequence;
        ValueStream(const DatabaseSequence& sequence, Xapian::valueno slot);
        void next_part();  // to the start of the next part's values
        void settle();     // past parts with no (more) values
        const DatabaseSequence* sequence_;
        Xapian::valueno slot_;
        std::size_t part_ = 0;
        Xapian::ValueIterator it_;
    };
    ValueStream values(Xapian::valueno slot) const { return ValueStream(*this, slot); }

  private:
    std::size_t part_of(Xapian::docid d) const;
    std::vector<Xapian::Database> parts_;
    std::vector<Xapian::docid> bases_;
    Xapian::docid last_ = 0;
    Xapian::doccount doccount_ = 0;
};

}  // namespace libsearch::index
