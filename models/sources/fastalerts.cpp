#include "fastalerts.h"

#include "../support/timeutil.h"

#include <simdjson.h>

#include <algorithm>

namespace vigil {

namespace {

namespace dom = simdjson::dom;

// Each key the reader uses, once: a second one (which the document reader would take instead of the
// first) sends the body to the document reader.
class Seen {
public:
    bool first(unsigned bit) {
        const unsigned mask = 1u << bit;
        const bool before = (m_bits & mask) != 0;
        m_bits |= mask;
        return !before;
    }

private:
    unsigned m_bits = 0;
};

bool readString(dom::element v, std::string &out) {
    std::string_view s;
    if (v.get_string().get(s))
        return false;
    out.assign(s);
    return true;
}

bool readTime(dom::element v, TimeMs &out) {
    std::string_view s;
    if (v.get_string().get(s))
        return false;
    out = parseRfc3339(s).value_or(0);
    return true;
}

bool readLabels(dom::element v, LabelSet &out) {
    dom::object obj;
    if (v.get_object().get(obj))
        return false;
    std::vector<Label> labels;
    labels.reserve(obj.size());
    for (const auto field : obj) {
        std::string_view value;
        if (field.value.get_string().get(value))
            return false;
        labels.push_back(Label{std::string(field.key), std::string(value)});
    }
    std::sort(labels.begin(), labels.end(), [](const Label &a, const Label &b) { return a.name < b.name; });
    for (std::size_t i = 1; i < labels.size(); ++i)
        if (labels[i].name == labels[i - 1].name)
            return false;
    out = LabelSet(std::move(labels));
    return true;
}

bool readStrings(dom::element v, std::vector<std::string> &out) {
    dom::array list;
    if (v.get_array().get(list))
        return false;
    out.reserve(list.size());
    for (const auto item : list) {
        std::string_view s;
        if (item.get_string().get(s))
            return false;
        out.emplace_back(s);
    }
    return true;
}

bool readReceiver(dom::element v, std::string &name) {
    dom::object rec;
    if (v.get_object().get(rec))
        return false;
    Seen seen;
    for (const auto field : rec)
        if (field.key == "name" && (!seen.first(0) || !readString(field.value, name)))
            return false;
    return true;
}

bool readReceivers(dom::element v, std::vector<std::string> &out) {
    dom::array list;
    if (v.get_array().get(list))
        return false;
    for (const auto item : list) {
        std::string name;
        if (!readReceiver(item, name))
            return false;
        if (!name.empty())
            out.push_back(std::move(name));
    }
    return true;
}

bool readStatus(dom::element v, Alert &a) {
    dom::object status;
    if (v.get_object().get(status))
        return false;
    Seen seen;
    std::string state;
    for (const auto field : status) {
        const std::string_view k = field.key;
        const bool ok = k == "state"         ? seen.first(0) && readString(field.value, state)
                        : k == "silencedBy"  ? seen.first(1) && readStrings(field.value, a.silencedBy)
                        : k == "inhibitedBy" ? seen.first(2) && readStrings(field.value, a.inhibitedBy)
                                             : true;
        if (!ok)
            return false;
    }
    a.state = state == "suppressed"    ? AlertState::Suppressed
              : state == "unprocessed" ? AlertState::Unprocessed
                                       : AlertState::Active;
    return true;
}

bool readAlert(dom::element v, Alert &a) {
    dom::object obj;
    if (v.get_object().get(obj))
        return false;
    Seen seen;
    bool labels = false;
    for (const auto field : obj) {
        const std::string_view k = field.key;
        const dom::element x = field.value;
        bool ok = true;
        if (k == "labels")
            ok = (labels = seen.first(0)) && readLabels(x, a.labels);
        else if (k == "annotations")
            ok = seen.first(1) && readLabels(x, a.annotations);
        else if (k == "fingerprint")
            ok = seen.first(2) && readString(x, a.fingerprint);
        else if (k == "startsAt")
            ok = seen.first(3) && readTime(x, a.startsAt);
        else if (k == "endsAt")
            ok = seen.first(4) && readTime(x, a.endsAt);
        else if (k == "updatedAt")
            ok = seen.first(5) && readTime(x, a.updatedAt);
        else if (k == "generatorURL")
            ok = seen.first(6) && readString(x, a.generatorUrl);
        else if (k == "receivers")
            ok = seen.first(7) && readReceivers(x, a.receivers);
        else if (k == "status")
            ok = seen.first(8) && readStatus(x, a);
        if (!ok)
            return false;
    }
    if (!labels)
        return false; // the document reader skips it and says so
    if (a.fingerprint.empty())
        a.fingerprint = a.labels.fingerprint();
    return true;
}

// One Prometheus alert of /api/v1/alerts.
bool readRuleAlert(dom::element v, PromRuleAlert &a) {
    dom::object obj;
    if (v.get_object().get(obj))
        return false;
    Seen seen;
    bool labels = false;
    for (const auto field : obj) {
        const std::string_view k = field.key;
        const dom::element x = field.value;
        bool ok = true;
        if (k == "labels") {
            ok = (labels = seen.first(0)) && readLabels(x, a.labels);
        } else if (k == "annotations") {
            ok = seen.first(1) && readLabels(x, a.annotations);
        } else if (k == "state") {
            ok = seen.first(2) && readString(x, a.state);
        } else if (k == "activeAt") {
            ok = seen.first(3) && readTime(x, a.activeAt);
        } else if (k == "value") {
            std::string_view text;
            ok = seen.first(4) && !x.get_string().get(text);
            if (ok)
                prometheus::parseSampleValue(text, a.value); // as the document reader: 0 when unreadable
        }
        if (!ok)
            return false;
    }
    return labels;
}

bool readAlerts(dom::element v, std::vector<Alert> &out) {
    dom::array list;
    if (v.get_array().get(list))
        return false;
    out.reserve(out.size() + list.size());
    for (const auto item : list) {
        Alert a;
        if (!readAlert(item, a))
            return false;
        out.push_back(std::move(a));
    }
    return true;
}

bool readGroup(dom::element v, AlertGroup &g) {
    dom::object obj;
    if (v.get_object().get(obj))
        return false;
    Seen seen;
    for (const auto field : obj) {
        const std::string_view k = field.key;
        bool ok = true;
        if (k == "labels") {
            ok = seen.first(0) && readLabels(field.value, g.labels);
        } else if (k == "receiver") {
            ok = seen.first(1) && readReceiver(field.value, g.receiver);
        } else if (k == "alerts") {
            ok = seen.first(2) && readAlerts(field.value, g.alerts);
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

namespace alertmanager {

bool parseAlertsFast(std::string_view body, std::vector<Alert> &out) {
    dom::parser parser;
    dom::element doc;
    if (parser.parse(body.data(), body.size(), true).get(doc))
        return false;
    out.clear();
    return readAlerts(doc, out);
}

bool parseGroupsFast(std::string_view body, std::vector<AlertGroup> &out) {
    dom::parser parser;
    dom::element doc;
    dom::array list;
    if (parser.parse(body.data(), body.size(), true).get(doc) || doc.get_array().get(list))
        return false;
    out.clear();
    out.reserve(list.size());
    for (const auto item : list) {
        AlertGroup g;
        if (!readGroup(item, g))
            return false;
        out.push_back(std::move(g));
    }
    return true;
}

} // namespace alertmanager

namespace prometheus {

bool parseAlertsFast(std::string_view body, std::vector<PromRuleAlert> &out) {
    dom::parser parser;
    dom::element doc;
    dom::object top;
    if (parser.parse(body.data(), body.size(), true).get(doc) || doc.get_object().get(top))
        return false;
    // The envelope: {"status":"success","data":{"alerts":[...]}}; other keys are passed over, as the
    // document reader passes over them.
    Seen seen;
    bool success = false, hasData = false, hasAlerts = false;
    dom::array list;
    for (const auto field : top) {
        if (field.key == "status") {
            std::string_view s;
            if (!seen.first(0) || field.value.get_string().get(s))
                return false;
            success = s == "success";
        } else if (field.key == "data") {
            dom::object data;
            if (!seen.first(1) || field.value.get_object().get(data))
                return false;
            hasData = true;
            Seen inData;
            for (const auto member : data)
                if (member.key == "alerts") {
                    if (!inData.first(0) || member.value.get_array().get(list))
                        return false;
                    hasAlerts = true;
                }
        }
    }
    if (!success || !hasData || !hasAlerts)
        return false;
    out.clear();
    out.reserve(list.size());
    for (const auto item : list) {
        PromRuleAlert a;
        if (!readRuleAlert(item, a))
            return false;
        out.push_back(std::move(a));
    }
    return true;
}

} // namespace prometheus

} // namespace vigil
