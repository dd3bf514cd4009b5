#pragma once
// Xapian deflates every document record and term list it writes (zlib's
// default level; no setting turns it off). For libsearch's writes that costs
// more than it saves: a tenth of the indexing time (zlib builds Huffman
// tables for each record of a few kilobytes), and an inflate of each hit's
// record when its snippet is made, for an index about a sixth smaller.
//
// While an UncompressedScope lives on a thread, zlib streams that thread
// initialises for deflating are set to store, not compress: Xapian then
// finds every tag incompressible and writes it as it is. Streams are set up
// once per table of a database handle, at its first write, so a handle
// first written under a scope stays uncompressed. Other threads, and this
// one outside a scope, get zlib unchanged. Reading needs nothing: Xapian
// marks each tag compressed or not.

namespace libsearch::index {

class UncompressedScope {
  public:
    UncompressedScope();
    ~UncompressedScope();
    UncompressedScope(const UncompressedScope&) = delete;
    UncompressedScope& operator=(const UncompressedScope&) = delete;

    /// Whether a scope is alive on the calling thread.
    static bool active() noexcept;
};

}  // namespace libsearch::index
