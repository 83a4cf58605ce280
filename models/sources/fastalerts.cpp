#include "fastalerts.h"

#include "../support/timeutil.h"
#include "simdjsonread.h"

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
    std::vector<Label> labels;
    if (!simdjsonread::readLabels(v, labels))
        return false;
    out = LabelSet(std::move(labels));
    return true;
}

// Reads an object's members through read(key, value, seen); false when it is not an object or read
// refuses a member.
template <class Read> bool readObject(dom::element v, Read read) {
    dom::object obj;
    if (v.get_object().get(obj))
        return false;
    Seen seen;
    for (const auto field : obj)
        if (!read(field.key, field.value, seen))
            return false;
    return true;
}

// Each element of an array read into `out` by read(element, item); false when it is not an array or
// read refuses an element.
template <class T, class Read> bool readList(dom::element v, std::vector<T> &out, Read read) {
    dom::array list;
    if (v.get_array().get(list))
        return false;
    out.reserve(out.size() + list.size());
    for (const auto item : list) {
        T x;
        if (!read(item, x))
            return false;
        out.push_back(std::move(x));
    }
    return true;
}

bool readStrings(dom::element v, std::vector<std::string> &out) {
    return readList(v, out, readString);
}

bool readReceiver(dom::element v, std::string &name) {
    return readObject(v, [&name](std::string_view k, dom::element x, Seen &seen) {
        return k != "name" || (seen.first(0) && readString(x, name));
    });
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
    std::string state;
    const bool ok = readObject(v, [&](std::string_view k, dom::element x, Seen &seen) {
        return k == "state"         ? seen.first(0) && readString(x, state)
               : k == "silencedBy"  ? seen.first(1) && readStrings(x, a.silencedBy)
               : k == "inhibitedBy" ? seen.first(2) && readStrings(x, a.inhibitedBy)
                                    : true;
    });
    a.state = state == "suppressed"    ? AlertState::Suppressed
              : state == "unprocessed" ? AlertState::Unprocessed
                                       : AlertState::Active;
    return ok;
}

// An alert of /api/v2/alerts; one without labels the document reader skips and says so.
bool readAlert(dom::element v, Alert &a) {
    bool labels = false;
    const bool ok = readObject(v, [&](std::string_view k, dom::element x, Seen &seen) {
        return k == "labels"         ? (labels = seen.first(0)) && readLabels(x, a.labels)
               : k == "annotations"  ? seen.first(1) && readLabels(x, a.annotations)
               : k == "fingerprint"  ? seen.first(2) && readString(x, a.fingerprint)
               : k == "startsAt"     ? seen.first(3) && readTime(x, a.startsAt)
               : k == "endsAt"       ? seen.first(4) && readTime(x, a.endsAt)
               : k == "updatedAt"    ? seen.first(5) && readTime(x, a.updatedAt)
               : k == "generatorURL" ? seen.first(6) && readString(x, a.generatorUrl)
               : k == "receivers"    ? seen.first(7) && readReceivers(x, a.receivers)
               : k == "status"       ? seen.first(8) && readStatus(x, a)
                                     : true;
    });
    if (!ok || !labels)
        return false;
    if (a.fingerprint.empty())
        a.fingerprint = a.labels.fingerprint();
    return true;
}

// An alert of Prometheus' /api/v1/alerts.
bool readRuleAlert(dom::element v, PromRuleAlert &a) {
    bool labels = false;
    const auto value = [&a](dom::element x) {
        std::string_view text;
        if (x.get_string().get(text))
            return false;
        prometheus::parseSampleValue(text, a.value); // as the document reader: 0 when unreadable
        return true;
    };
    return readObject(v,
                      [&](std::string_view k, dom::element x, Seen &seen) {
                          return k == "labels"        ? (labels = seen.first(0)) && readLabels(x, a.labels)
                                 : k == "annotations" ? seen.first(1) && readLabels(x, a.annotations)
                                 : k == "state"       ? seen.first(2) && readString(x, a.state)
                                 : k == "activeAt"    ? seen.first(3) && readTime(x, a.activeAt)
                                 : k == "value"       ? seen.first(4) && value(x)
                                                      : true;
                      }) &&
           labels;
}

bool readAlerts(dom::element v, std::vector<Alert> &out) {
    return readList(v, out, readAlert);
}

bool readGroup(dom::element v, AlertGroup &g) {
    return readObject(v, [&g](std::string_view k, dom::element x, Seen &seen) {
        return k == "labels"     ? seen.first(0) && readLabels(x, g.labels)
               : k == "receiver" ? seen.first(1) && readReceiver(x, g.receiver)
               : k == "alerts"   ? seen.first(2) && readAlerts(x, g.alerts)
                                 : true;
    });
}

} // namespace

namespace alertmanager {

bool parseAlertsFast(std::string_view body, std::vector<Alert> &out) {
    out.clear();
    return simdjsonread::parseWith(body, [&out](dom::element doc) { return readAlerts(doc, out); });
}

bool parseGroupsFast(std::string_view body, std::vector<AlertGroup> &out) {
    out.clear();
    return simdjsonread::parseWith(body, [&out](dom::element doc) { return readList(doc, out, readGroup); });
}

} // namespace alertmanager

namespace prometheus {

namespace {
bool readRuleAlerts(dom::element doc, std::vector<PromRuleAlert> &out) {
    // The envelope: {"status":"success","data":{"alerts":[...]}}; other keys are passed over, as the
    // document reader passes over them.
    std::string status;
    dom::element alerts;
    bool hasAlerts = false;
    const auto data = [&](std::string_view k, dom::element x, Seen &seen) {
        if (k != "alerts")
            return true;
        alerts = x;
        return hasAlerts = seen.first(0);
    };
    const bool ok = readObject(doc, [&](std::string_view k, dom::element x, Seen &seen) {
        return k == "status" ? seen.first(0) && readString(x, status)
               : k == "data" ? seen.first(1) && readObject(x, data)
                             : true;
    });
    if (!ok || status != "success" || !hasAlerts)
        return false;
    out.clear();
    return readList(alerts, out, readRuleAlert);
}
} // namespace

bool parseAlertsFast(std::string_view body, std::vector<PromRuleAlert> &out) {
    return simdjsonread::parseWith(body, [&out](dom::element doc) { return readRuleAlerts(doc, out); });
}

} // namespace prometheus

} // namespace vigil
