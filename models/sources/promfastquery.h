#pragma once
// The Prometheus query answer in its common shape ({"status":"success","data":{"resultType":"vector"
// or "matrix","result":[...]}}) read by simdjson straight into samples: no nlohmann document tree. The
// answers of a 10,000-host fleet are read this way every poll (bench_poll: 108 ms against 287 ms for
// the nlohmann SAX reader it replaced, 450 ms for a plain nlohmann document). Anything outside that
// shape (an error envelope, a scalar, an unknown or duplicate key, a wrong type where the shape needs
// one) returns false, and the caller reads the body with the document parser, whose checks and messages
// stay the one definition of what Vigil accepts.
#include "apierror.h"
#include "prometheusadapter.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil::prometheus {

// True and `out` filled (samples skipped as the document parser skips them, said to `skipped`) when
// `body` has the common shape; false and nothing changed otherwise. With `keep`, each sample and series
// keeps only the labels named there (parseQuery's `keep`).
bool parseQueryFast(std::string_view body, PromQueryResult &out, Skipped &skipped,
                    const std::vector<std::string> *keep = nullptr);

} // namespace vigil::prometheus
