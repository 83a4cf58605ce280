#include "promfastquery.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace vigil::prometheus {

namespace {

using json = nlohmann::json;

// One element of data.result before resultType is known (it may come after the result).
struct Element {
    std::vector<Label> labels;
    bool hasMetric = false, hasValue = false, hasValues = false;
    // "value": [time, "v"]; valid when exactly a number and a sample string.
    int valueItems = 0;
    bool valueOk = true;
    TimeMs time = 0;
    double value = 0;
    // "values": [[time, "v"], ...]; the invalid ones counted for the skip message.
    std::vector<std::pair<TimeMs, double>> points;
    int badPoints = 0;
};

// Where the parser is: each open object or array, and what it is for.
enum class Ctx { Top, Data, Result, Element, Metric, Value, Values, Point, Warnings, Skip };

TimeMs secondsToMs(double s) {
    // As the document parser does: a timestamp past the year 33658 or before 1970 is no timestamp.
    return std::isfinite(s) && s >= 0 && s < 1e12 ? static_cast<TimeMs>(std::llround(s * 1000.0)) : 0;
}

class Reader final {
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    bool null() { return scalar(Kind::Other, 0, nullptr); }
    bool boolean(bool) { return scalar(Kind::Other, 0, nullptr); }
    bool number_integer(number_integer_t v) { return scalar(Kind::Number, static_cast<double>(v), nullptr); }
    bool number_unsigned(number_unsigned_t v) {
        return scalar(Kind::Number, static_cast<double>(v), nullptr);
    }
    bool number_float(number_float_t v, const string_t &) { return scalar(Kind::Number, v, nullptr); }
    bool string(string_t &v) { return scalar(Kind::String, 0, &v); }
    bool binary(binary_t &) { return false; }

    bool key(string_t &k) {
        m_key = std::move(k);
        if (m_stack.empty())
            return false;
        auto &seen = m_seen.back();
        // A key twice in an object the shape reads: the document parser decides which one counts.
        if (m_stack.back() != Ctx::Skip && m_stack.back() != Ctx::Metric) {
            if (std::find(seen.begin(), seen.end(), m_key) != seen.end())
                return false;
            seen.push_back(m_key);
        }
        return true;
    }

    bool start_object(std::size_t) {
        if (m_stack.empty())
            return push(Ctx::Top);
        switch (m_stack.back()) {
        case Ctx::Top:
            return m_key == "data" ? (m_data = true, push(Ctx::Data)) : ignorable() && push(Ctx::Skip);
        case Ctx::Data:
            return m_key != "result" && m_key != "resultType" && push(Ctx::Skip);
        case Ctx::Result:
            m_elements.emplace_back();
            return push(Ctx::Element);
        case Ctx::Element:
            if (m_key == "metric")
                return !std::exchange(element().hasMetric, true) && push(Ctx::Metric);
            return m_key != "value" && m_key != "values" && push(Ctx::Skip);
        case Ctx::Metric: // a label whose value is not a string: the document parser leaves it out
        case Ctx::Skip:
        case Ctx::Value:
        case Ctx::Point:
        case Ctx::Values:
            return spoil();
        case Ctx::Warnings:
            return false;
        }
        return false;
    }

    bool end_object() { return pop(); }

    bool start_array(std::size_t) {
        if (m_stack.empty())
            return false;
        switch (m_stack.back()) {
        case Ctx::Top:
            if (m_key == "warnings")
                return !std::exchange(m_warningsSeen, true) && push(Ctx::Warnings);
            return m_key != "status" && m_key != "data" && push(Ctx::Skip);
        case Ctx::Data:
            if (m_key == "result")
                return (m_result = true, push(Ctx::Result));
            return m_key != "resultType" && push(Ctx::Skip);
        case Ctx::Element:
            if (m_key == "value")
                return (element().hasValue = true, push(Ctx::Value));
            if (m_key == "values")
                return (element().hasValues = true, push(Ctx::Values));
            return m_key != "metric" && push(Ctx::Skip);
        case Ctx::Values:
            m_pointItems = 0;
            m_pointOk = true;
            return push(Ctx::Point);
        case Ctx::Value:
        case Ctx::Point:
        case Ctx::Metric:
        case Ctx::Skip:
            return spoil();
        case Ctx::Result:   // an element that is not an object
        case Ctx::Warnings: // a warning that is not a string
            return false;
        }
        return false;
    }

    bool end_array() {
        if (m_stack.empty())
            return false;
        const Ctx closing = m_stack.back();
        if (closing == Ctx::Point) {
            Element &e = element();
            if (m_pointOk && m_pointItems == 2)
                e.points.emplace_back(m_pointTime, m_pointValue);
            else
                ++e.badPoints;
        }
        return pop();
    }

    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) { return false; }

    // After a successful parse: whether the document had the common shape, and the result.
    bool finish(PromQueryResult &out, Skipped &skipped) {
        if (m_status != "success" || !m_data || !m_result || (m_type != "vector" && m_type != "matrix"))
            return false;
        for (auto &e : m_elements) {
            std::sort(e.labels.begin(), e.labels.end(),
                      [](const Label &a, const Label &b) { return a.name < b.name; });
            for (std::size_t i = 1; i < e.labels.size(); ++i)
                if (e.labels[i].name == e.labels[i - 1].name)
                    return false; // a label twice: the document parser decides which one counts
        }
        PromQueryResult r;
        r.warnings = std::move(m_warnings);
        std::vector<std::pair<const char *, const char *>> skips;
        if (m_type == "vector") {
            r.type = PromQueryResult::Type::Vector;
            r.vector.reserve(m_elements.size());
            for (auto &e : m_elements) {
                if (!e.hasValue || !e.valueOk || e.valueItems != 2) {
                    skips.emplace_back("samples", "vector sample without a [time, \"value\"] pair");
                    continue;
                }
                r.vector.push_back(PromSample{LabelSet(std::move(e.labels)), e.time, e.value});
            }
        } else {
            r.type = PromQueryResult::Type::Matrix;
            r.matrix.reserve(m_elements.size());
            for (auto &e : m_elements) {
                if (!e.hasValues) {
                    skips.emplace_back("series", "matrix series without \"values\"");
                    continue;
                }
                for (int i = 0; i < e.badPoints; ++i)
                    skips.emplace_back("points", "matrix point is not [time, \"value\"]");
                r.matrix.push_back(PromSeries{LabelSet(std::move(e.labels)), std::move(e.points)});
            }
        }
        for (const auto &[noun, reason] : skips)
            skipped.add(noun, reason);
        out = std::move(r);
        return true;
    }

private:
    enum class Kind { Number, String, Other };

    bool scalar(Kind kind, double number, string_t *text) {
        if (m_stack.empty())
            return false;
        switch (m_stack.back()) {
        case Ctx::Top:
            if (m_key == "status")
                return kind == Kind::String && (m_status = std::move(*text), true);
            return m_key != "data" && m_key != "warnings";
        case Ctx::Data:
            if (m_key == "resultType")
                return kind == Kind::String && (m_type = std::move(*text), true);
            return m_key != "result";
        case Ctx::Element:
            if (m_key == "value" || m_key == "values") {
                // A sample whose value is no pair: skipped, as the document parser skips it.
                (m_key == "value" ? element().hasValue : element().hasValues) = m_key == "value";
                element().valueOk = false;
                return true;
            }
            return true; // "metric" not an object: no labels, as the document parser reads it
        case Ctx::Metric:
            if (kind == Kind::String)
                element().labels.push_back(Label{m_key, std::move(*text)});
            return true;
        case Ctx::Value: {
            Element &e = element();
            const int index = e.valueItems++;
            if (index == 0 && kind == Kind::Number)
                e.time = secondsToMs(number);
            else if (index == 1 && kind == Kind::String)
                e.valueOk = e.valueOk && parseSampleValue(*text, e.value);
            else
                e.valueOk = false;
            return true;
        }
        case Ctx::Point: {
            const int index = m_pointItems++;
            if (index == 0 && kind == Kind::Number)
                m_pointTime = secondsToMs(number);
            else if (index == 1 && kind == Kind::String)
                m_pointOk = m_pointOk && parseSampleValue(*text, m_pointValue);
            else
                m_pointOk = false;
            return true;
        }
        case Ctx::Values:
            ++element().badPoints;
            return true;
        case Ctx::Warnings:
            return kind == Kind::String && (m_warnings.push_back(std::move(*text)), true);
        case Ctx::Result:
            return false;
        case Ctx::Skip:
            return true;
        }
        return false;
    }

    // An object or array where the shape wants a number or a string (or nothing it reads): the pair or
    // point it sits in is invalid, its contents are skipped.
    bool spoil() {
        switch (m_stack.back()) {
        case Ctx::Value:
            ++element().valueItems;
            element().valueOk = false;
            break;
        case Ctx::Point:
            ++m_pointItems;
            m_pointOk = false;
            break;
        case Ctx::Values: // an object among the points
            ++element().badPoints;
            break;
        default:
            break;
        }
        return push(Ctx::Skip);
    }

    // A key the shape does not read, under the top level.
    [[nodiscard]] bool ignorable() const { return m_key != "status" && m_key != "warnings"; }
    Element &element() { return m_elements.back(); }
    bool push(Ctx c) {
        m_stack.push_back(c);
        m_seen.emplace_back();
        return true;
    }
    bool pop() {
        if (m_stack.empty())
            return false;
        m_stack.pop_back();
        m_seen.pop_back();
        return true;
    }

    std::vector<Ctx> m_stack;
    std::vector<std::vector<std::string>> m_seen; // keys met in each open object
    std::string m_key;
    std::string m_status, m_type;
    bool m_data = false, m_result = false, m_warningsSeen = false;
    std::vector<std::string> m_warnings;
    std::vector<Element> m_elements;
    int m_pointItems = 0;
    bool m_pointOk = true;
    TimeMs m_pointTime = 0;
    double m_pointValue = 0;
};

} // namespace

bool parseQueryFast(std::string_view body, PromQueryResult &out, Skipped &skipped) {
    Reader reader;
    bool ok = false;
    try {
        ok = json::sax_parse(body.begin(), body.end(), &reader);
    } catch (const std::exception &) {
        return false; // the document parser says what is wrong with it
    }
    return ok && reader.finish(out, skipped);
}

} // namespace vigil::prometheus
