#pragma once
// JSON helpers shared by the adapters: safe parsing with positions in errors, label objects.
#include "../fleet/labelset.h"
#include "apierror.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace vigil::jsonutil {

using json = nlohmann::json;

Result<json> parse(std::string_view body, const std::string &endpoint);
ApiError shapeError(const std::string &endpoint, const std::string &what);
// {"a":"1"} → LabelSet; non-string values are skipped, non-object yields an empty set.
LabelSet labels(const json &obj);
std::string str(const json &obj, const char *key);
std::vector<std::string> strings(const json &arr);

} // namespace vigil::jsonutil
