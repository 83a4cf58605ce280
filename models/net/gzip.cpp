#include "gzip.h"

#include <zlib.h>

namespace vigil {

InflateResult gunzip(std::string_view in, std::size_t maxOut, std::string &out) {
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
