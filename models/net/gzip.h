#pragma once
// Inflates gzip bodies (Prometheus compresses when asked; see PEERS.md), with a cap on the inflated size.
#include <cstddef>
#include <string>
#include <string_view>

namespace vigil {

enum class InflateResult { Ok, Corrupt, TooLarge };

InflateResult gunzip(std::string_view in, std::size_t maxOut, std::string &out);
// For tests and vigil-sim: compresses with gzip framing.
std::string gzipCompress(std::string_view in);

} // namespace vigil
