// The Prometheus query answer in its canonical shape read by simdjson (Debian's libsimdjson-dev): the
// hot path of every poll. simdjson's DOM parser picks the CPU's fastest kernel at run time (its On-Demand
// front end would be fixed at compile time to the build machine's baseline) and checks the whole
// document. The reader then takes only what a Prometheus-compatible server sends when all is well and
// says no to anything else, so the document parser stays the one definition of what Vigil accepts: an
// unknown key, a key twice, a wrong type, a label twice, an error envelope, a scalar or string result,
// or a number out of range all return false.
#include "promfastquery.h"

#include "simdjsonread.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>

namespace vigil::prometheus {

namespace {

namespace dom = simdjson::dom;

// A [time, "value"] pair. False when it is not one; `good` false when it is one whose value does not
// parse (the document parser skips that sample but accepts the answer).
bool readPair(dom::element v, TimeMs &t, double &value, bool &good) {
    dom::array pair;
    if (v.get_array().get(pair) || pair.size() != 2)
        return false;
    const dom::element time = pair.at(0).value_unsafe(), text = pair.at(1).value_unsafe();
    if (!time.is_number())
        return false;
    double seconds = 0;
    if (time.get_double().get(seconds))
        return false;
    std::string_view s;
    if (text.get_string().get(s))
        return false;
    t = sampleTimeMs(seconds);
    good = parseSampleValue(s, value);
    return true;
}

using simdjsonread::readLabels;

class Reader {
public:
    explicit Reader(const std::vector<std::string> *keep)
        : m_keep(keep) {}

    bool read(dom::element doc, PromQueryResult &out, Skipped &skipped) {
        dom::object top;
        if (doc.get_object().get(top))
            return false;
        bool status = false, data = false, warnings = false;
        dom::element result;
        for (const auto field : top) {
            if (field.key == "status") {
                std::string_view s;
                if (std::exchange(status, true) || field.value.get_string().get(s) || s != "success")
                    return false;
            } else if (field.key == "data") {
                if (std::exchange(data, true) || !readData(field.value))
                    return false;
            } else if (field.key == "warnings") {
                if (std::exchange(warnings, true) || !readWarnings(field.value))
                    return false;
            } else {
                return false;
            }
        }
        if (!status || !data)
            return false;
        for (const auto &[noun, reason] : m_skips)
            skipped.add(noun, reason);
        m_out.warnings = std::move(m_warnings);
        out = std::move(m_out);
        return true;
    }

private:
    bool readWarnings(dom::element v) {
        dom::array list;
        if (v.get_array().get(list))
            return false;
        for (const auto item : list) {
            std::string_view s;
            if (item.get_string().get(s))
                return false;
            m_warnings.emplace_back(s);
        }
        return true;
    }

    bool readData(dom::element v) {
        dom::object data;
        if (v.get_object().get(data))
            return false;
        bool type = false, result = false;
        dom::element list;
        for (const auto field : data) {
            if (field.key == "resultType" && !type) {
                std::string_view t;
                if (field.value.get_string().get(t))
                    return false;
                if (t == "vector")
                    m_out.type = PromQueryResult::Type::Vector;
                else if (t == "matrix")
                    m_out.type = PromQueryResult::Type::Matrix;
                else
                    return false;
                type = true;
            } else if (field.key == "result" && !result) {
                result = true;
                list = field.value;
            } else {
                return false;
            }
        }
        return type && result && readResult(list);
    }

    bool readResult(dom::element v) {
        dom::array result;
        if (v.get_array().get(result))
            return false;
        const bool vector = m_out.type == PromQueryResult::Type::Vector;
        if (vector)
            m_out.vector.reserve(result.size());
        else
            m_out.matrix.reserve(result.size());
        for (const auto item : result) {
            dom::object element;
            if (item.get_object().get(element))
                return false;
            std::vector<Label> labels;
            bool metric = false, value = false, good = true;
            TimeMs t = 0;
            double x = 0;
            std::vector<std::pair<TimeMs, double>> points;
            for (const auto field : element) {
                if (field.key == "metric" && !metric) {
                    metric = true;
                    if (!(m_keep ? readKept(field.value, labels) : readLabels(field.value, labels)))
                        return false;
                } else if (vector && field.key == "value" && !value) {
                    value = true;
                    if (!readPair(field.value, t, x, good))
                        return false;
                } else if (!vector && field.key == "values" && !value) {
                    value = true;
                    if (!readPoints(field.value, points))
                        return false;
                } else {
                    return false;
                }
            }
            if (!metric || !value)
                return false;
            if (vector) {
                if (good)
                    m_out.vector.push_back(PromSample{LabelSet(std::move(labels)), t, x});
                else
                    m_skips.emplace_back("samples", "vector sample without a [time, \"value\"] pair");
            } else {
                m_out.matrix.push_back(PromSeries{LabelSet(std::move(labels)), std::move(points)});
            }
        }
        return true;
    }

    bool readPoints(dom::element v, std::vector<std::pair<TimeMs, double>> &points) {
        dom::array list;
        if (v.get_array().get(list))
            return false;
        points.reserve(list.size());
        for (const auto p : list) {
            TimeMs t = 0;
            double x = 0;
            bool good = true;
            if (!readPair(p, t, x, good))
                return false;
            if (good)
                points.emplace_back(t, x);
            else
                m_skips.emplace_back("points", "matrix point is not [time, \"value\"]");
        }
        return true;
    }

    // The labels named in m_keep, the others checked (a string each) and passed over: a metric query's
    // samples need only the labels that name the host, and a full label set per sample was most of what
    // reading them cost. False where the document reader decides (a value not a string, a kept name
    // twice).
    bool readKept(dom::element v, std::vector<Label> &labels) const {
        dom::object metric;
        if (v.get_object().get(metric))
            return false;
        for (const auto field : metric) {
            std::string_view value;
            if (field.value.get_string().get(value))
                return false;
            if (std::find(m_keep->begin(), m_keep->end(), field.key) == m_keep->end())
                continue;
            for (const auto &l : labels)
                if (l.name == field.key)
                    return false;
            labels.push_back(Label{std::string(field.key), std::string(value)});
        }
        sortByName(labels);
        return true;
    }

    const std::vector<std::string> *m_keep;
    PromQueryResult m_out;
    std::vector<std::string> m_warnings;
    std::vector<std::pair<const char *, const char *>> m_skips;
};

} // namespace

bool parseQueryFast(std::string_view body, PromQueryResult &out, Skipped &skipped,
                    const std::vector<std::string> *keep) {
    return simdjsonread::parseWith(body, [&](dom::element doc) {
        Reader reader(keep);
        return reader.read(doc, out, skipped);
    });
}

} // namespace vigil::prometheus
