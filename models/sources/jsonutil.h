#pragma once
// JSON helpers shared by the adapters: safe parsing with positions in errors, label objects, and
// type-checked member access. Everything from the wire is untrusted: nothing here throws on a value of
// the wrong type (nlohmann's value()/get<>()/at() do), a wrong type reads as absent.
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
// obj[key] when obj is an object holding key, else a null value (never throws, never inserts).
const json &member(const json &obj, const char *key);
std::string str(const json &obj, const char *key);
// obj[key] when it is a boolean, else fallback: "true" as a string is not a boolean.
bool boolean(const json &obj, const char *key, bool fallback);
std::vector<std::string> strings(const json &arr);

} // namespace vigil::jsonutil
