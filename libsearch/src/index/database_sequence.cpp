#include "index/database_sequence.hpp"

#include <algorithm>

namespace libsearch::index {

DatabaseSequence::DatabaseSequence(std::vector<Xapian::Database> parts) : parts_(std::move(parts)) {
    for (const auto& part : parts_) {
        bases_.push_back(last_);
        last_ += part.get_lastdocid();
        doccount_ += part.get_doccount();
    }
}

std::size_t DatabaseSequence::part_of(Xapian::docid d) const {
    // The last part whose base is below d (parts without documents share
    // their base with the next one and are passed over).
    return static_cast<std::size_t>(std::lower_bound(bases_.begin(), bases_.end(), d) - bases_.begin()) - 1;
}

Xapian::Document DatabaseSequence::document(Xapian::docid d) const {
    const std::size_t part = part_of(d);
    return parts_[part].get_document(d - bases_[part], Xapian::DOC_ASSUME_VALID);
}

DatabaseSequence::ValueStream::ValueStream(const DatabaseSequence& sequence, Xapian::valueno slot)
    : sequence_(&sequence), slot_(slot) {
    if (!at_end()) it_ = sequence_->parts_[0].valuestream_begin(slot_);
    settle();
}

void DatabaseSequence::ValueStream::next_part() {
    if (++part_ < sequence_->parts_.size()) it_ = sequence_->parts_[part_].valuestream_begin(slot_);
}

void DatabaseSequence::ValueStream::settle() {
    while (!at_end() && it_ == sequence_->parts_[part_].valuestream_end(slot_)) next_part();
}

void DatabaseSequence::ValueStream::next() {
    ++it_;
    settle();
}

void DatabaseSequence::ValueStream::skip_to(Xapian::docid d) {
    while (!at_end()) {
        const Xapian::docid base = sequence_->bases_[part_];
        const Xapian::docid end = part_ + 1 < sequence_->bases_.size() ? sequence_->bases_[part_ + 1]
                                                                       : sequence_->last_;
        if (d <= end) {
            if (d > base) it_.skip_to(d - base);
            settle();
            return;
        }
        next_part();
    }
}

}  // namespace libsearch::index
