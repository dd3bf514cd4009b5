#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include "libsearch/ingest.hpp"

namespace CLD2 {
// Declared in CLD2's internal lang_script.h, which the public header does not export.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace libsearch {

std::string detect_language(std::string_view text) {
    // A few kilobytes decide as well as the whole text, at a fraction of the cost.
    constexpr std::size_t kSample = 16 * 1024;
    if (text.size() > kSample) {
        text = text.substr(0, kSample);
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.remove_suffix(1);
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.remove_suffix(1);
    }
    bool reliable = false;
    int valid_prefix = 0;
    const CLD2::Language language = CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(text.size()), true,
                                                                  &reliable, &valid_prefix);
    if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return {};
    const char* code = CLD2::LanguageCode(language);
    return code ? code : "";
}

}  // namespace libsearch
