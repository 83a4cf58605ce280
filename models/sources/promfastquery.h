#pragma once
// The Prometheus query answer in its common shape ({"status":"success","data":{"resultType":"vector"
// or "matrix","result":[...]}}) read straight into samples by nlohmann's SAX interface: no document
// tree, no map per label set. The answers of a 10,000-host fleet are read this way every poll. Anything
// outside that shape (an error envelope, a scalar, a duplicate key, a wrong type where the shape needs
// one) returns false, and the caller reads the body with the document parser, whose checks and
// messages stay the one definition of what Vigil accepts.
#include "apierror.h"
#include "prometheusadapter.h"

#include <string_view>

namespace vigil::prometheus {

// True and `out` filled (samples skipped as the document parser skips them, said to `skipped`) when
// `body` has the common shape; false and nothing changed otherwise.
bool parseQueryFast(std::string_view body, PromQueryResult &out, Skipped &skipped);

} // namespace vigil::prometheus
