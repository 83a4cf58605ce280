#include "gzip.h"

#include <libdeflate.h>
#include <zlib.h>

#include <memory>

namespace vigil {

namespace {

// zlib's streaming inflate: any size, the cap checked as it grows.
InflateResult inflateStreaming(std::string_view in, std::size_t maxOut, std::string &out) {
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return InflateResult::Corrupt;
    out.clear();
    out.reserve(std::min<std::size_t>(maxOut, in.size() * 8 + 1024));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    char buf[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&zs);
            return InflateResult::Corrupt;
        }
        const std::size_t produced = sizeof buf - zs.avail_out;
        if (out.size() + produced > maxOut) {
            inflateEnd(&zs);
            return InflateResult::TooLarge;
        }
        out.append(buf, produced);
        if (rc == Z_OK && produced == 0 && zs.avail_in == 0) {
            inflateEnd(&zs);
            return InflateResult::Corrupt; // truncated stream
        }
    }
    inflateEnd(&zs);
    return InflateResult::Ok;
}

struct FreeDecompressor {
    void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
};

} // namespace

InflateResult gunzip(std::string_view in, std::size_t maxOut, std::string &out) {
    // libdeflate inflates a whole buffer about twice as fast as zlib's stream (10 % of a poll's CPU
    // was zlib's), but needs the size first: the gzip trailer's ISIZE (the size mod 2^32), which the
    // sender writes. A hint, never trusted: when the data does not fit it, or it is above the cap
    // (it may have wrapped), zlib's stream decides, checking the cap as it goes.
    if (in.size() >= 18) {
        const auto *t = reinterpret_cast<const unsigned char *>(in.data() + in.size() - 4);
        const std::size_t hint = t[0] | (t[1] << 8) | (t[2] << 16) | (static_cast<std::size_t>(t[3]) << 24);
        thread_local const std::unique_ptr<libdeflate_decompressor, FreeDecompressor> d(
            libdeflate_alloc_decompressor());
        // Deflate cannot expand a byte to more than 1,032: a larger claim is a lie, and taking it would
        // allocate up to the cap for a few bytes of input.
        constexpr std::size_t kMaxRatio = 1032;
        if (d && hint > 0 && hint <= maxOut && hint / kMaxRatio <= in.size()) {
            out.resize(hint);
            std::size_t actual = 0;
            switch (libdeflate_gzip_decompress(d.get(), in.data(), in.size(), out.data(), hint, &actual)) {
            case LIBDEFLATE_SUCCESS:
                out.resize(actual);
                return InflateResult::Ok;
            case LIBDEFLATE_BAD_DATA:
                out.clear();
                return InflateResult::Corrupt;
            default: // more than the hint said
                break;
            }
        }
    }
    return inflateStreaming(in, maxOut, out);
}

std::string gzipCompress(std::string_view in) {
    z_stream zs{};
    deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(in.size())) + 32);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

} // namespace vigil
