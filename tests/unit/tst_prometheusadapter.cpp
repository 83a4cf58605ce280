#include "sources/answermemory.h"
#include "sources/fastalerts.h"
#include "sources/prometheusadapter.h"
#include "sources/promfastquery.h"
#include "testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <cmath>

using namespace vigil;
using vigil::test::fixture;

namespace {
bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}
} // namespace

class TestPrometheusAdapter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Two polls of an unchanged fact differ only in their evaluation time: one digest. Any other
    // change, a sample's own time included, changes it.
    // /api/v1/alerts: the simdjson reader (fastalerts.h) and the document reader agree on every input;
    // a real Prometheus's answers take the fast one.
    void alertsFastAndDocumentReadersAgree() {
        auto inputs = test::recordedAnswers("/api/v1/alerts");
        QVERIFY(inputs.size() >= 3);
        const std::size_t recorded = inputs.size();
        inputs.emplace_back("prom_alerts.json", fixture("prom_alerts.json"));
        const auto base = nlohmann::json::parse(fixture("prom_alerts.json"));
        const std::vector<std::pair<std::string, nlohmann::json>> edits = {
            {"/data/alerts/0/labels/severity", 3},
            {"/data/alerts/0/labels", "x"},
            {"/data/alerts/0/annotations", nlohmann::json::array()},
            {"/data/alerts/0/state", 1},
            {"/data/alerts/0/activeAt", "soon"},
            {"/data/alerts/0/activeAt", 5},
            {"/data/alerts/0/value", "NaN"},
            {"/data/alerts/0/value", "seven"},
            {"/data/alerts/0/value", 7},
            {"/data/alerts/0/keepFiringSince", "2026-11-24T00:55:22Z"}, // a newer Prometheus
            {"/data/alerts/1", "x"},
            {"/data/alerts", nlohmann::json::object()},
            {"/data", nlohmann::json::array()},
            {"/status", "error"},
            {"/warnings", nlohmann::json::array({"w"})},
        };
        for (const auto &[pointer, value] : edits) {
            auto j = base;
            j[nlohmann::json::json_pointer(pointer)] = value;
            inputs.emplace_back("edit " + pointer + " = " + value.dump(), j.dump());
        }
        auto noLabels = base;
        noLabels["data"]["alerts"][0].erase("labels");
        inputs.emplace_back("an alert without labels", noLabels.dump());
        inputs.emplace_back("a key twice",
                            "{\"status\":\"success\",\"data\":{\"alerts\":[]},\"data\":{\"alerts\":[]}}");
        inputs.emplace_back("no data", "{\"status\":\"success\"}");
        inputs.emplace_back("not JSON", "{\"status\"");
        std::size_t fast = 0;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            const auto &[name, body] = inputs[i];
            Skipped s1, s2;
            const auto a = prometheus::parseAlerts(body, &s1);
            const auto b = prometheus::parseAlertsDocument(body, &s2);
            QVERIFY2(a.ok() == b.ok(), name.c_str());
            QCOMPARE(s1.count(), s2.count());
            if (!a.ok()) {
                QCOMPARE(a.error().describe(), b.error().describe());
            } else {
                QCOMPARE(a->size(), b->size());
                for (std::size_t k = 0; k < a->size(); ++k) {
                    const PromRuleAlert &x = (*a)[k], &y = (*b)[k];
                    QVERIFY2(x.labels == y.labels && x.annotations == y.annotations, name.c_str());
                    QCOMPARE(x.state, y.state);
                    QCOMPARE(x.activeAt, y.activeAt);
                    QVERIFY2(same(x.value, y.value), name.c_str());
                }
            }
            std::vector<PromRuleAlert> probe;
            const bool took = prometheus::parseAlertsFast(body, probe);
            fast += took;
            if (i <= recorded)
                QVERIFY2(took, name.c_str());
        }
        qInfo("%zu of %zu inputs took the fast path", fast, inputs.size());
    }

    void timelessDigestLeavesOutTheEvaluationTime() {
        // A fact's answer as Prometheus sends it: every sample at the one evaluation time.
        auto answer = [](const std::string &time, const std::string &release = "6.1.0-13",
                         const std::string &value = "1", const std::string &secondTime = {}) {
            auto sample = [&](const std::string &host, const std::string &t) {
                return "{\"metric\":{\"__name__\":\"node_uname_info\",\"instance\":\"" + host +
                       "\",\"release\":\"" + release + "\"},\"value\":[" + t + ",\"" + value + "\"]}";
            };
            return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" +
                   sample("a:9100", time) + "," + sample("b:9100", secondTime.empty() ? time : secondTime) +
                   "]}}";
        };
        using M = AnswerMemory;
        const std::string first = answer("1795481723.783");
        PromQueryResult r;
        Skipped sk;
        QVERIFY(prometheus::parseQueryFast(first, r, sk) && r.vector.size() == 2);
        QCOMPARE(M::timelessDigest(first), M::timelessDigest(answer("1795481728.8")));
        QVERIFY(!(M::digest(first) == M::digest(answer("1795481728.8"))));
        QVERIFY(!(M::timelessDigest(first) == M::timelessDigest(answer("1795481728.8", "6.1.0-14"))));
        QVERIFY(!(M::timelessDigest(first) == M::timelessDigest(answer("1795481728.8", "6.1.0-13", "0"))));
        // A sample at a time of its own (not how Prometheus answers) is part of the digest.
        QVERIFY(!(M::timelessDigest(first) ==
                  M::timelessDigest(answer("1795481723.783", "6.1.0-13", "1", "1795481700"))));
        // The recorded answer of a real Prometheus, polled again.
        const std::string recorded = fixture("prom_query_uname.json");
        std::string later = recorded;
        later.replace(later.find("1795481723.783"), 14, "1795481738.112");
        QCOMPARE(M::timelessDigest(recorded), M::timelessDigest(later));
        // No sample at all: the bytes as they are.
        const std::string empty =
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
        QCOMPARE(M::timelessDigest(empty), M::digest(empty));
    }

    void alertSetDigestIgnoresOrderAndValue() {
        // Two rule alerts as Prometheus lists them: in Go's map order, so either first.
        struct A {
            std::string instance, state = "firing", value = "1e+00", summary = "busy", activeAt = "03:44:52";
            std::string labelValue = "x"; // a label that happens to be called "value"
        };
        auto alert = [](const A &a) {
            return "{\"labels\":{\"alertname\":\"HostBusy\",\"instance\":\"" + a.instance +
                   "\",\"value\":\"" + a.labelValue + "\"},\"annotations\":{\"summary\":\"" + a.summary +
                   "\"},\"state\":\"" + a.state + "\",\"activeAt\":\"2026-12-08T" + a.activeAt +
                   "Z\",\"value\": \"" + a.value + "\"}";
        };
        auto answer = [&](const std::vector<A> &alerts) {
            std::string list;
            for (const auto &a : alerts)
                list += (list.empty() ? "" : ",") + alert(a);
            return "{\"status\":\"success\",\"data\":{\"alerts\":[" + list + "]}}";
        };
        using M = AnswerMemory;
        const A a{"a:9100"}, b{"b:9100"};
        const std::string first = answer({a, b});
        auto parsed = prometheus::parseAlerts(first);
        QVERIFY(parsed.ok() && parsed->size() == 2); // the shape is one the reader takes
        QCOMPARE(M::alertSetDigest(first), M::alertSetDigest(answer({b, a})));
        QVERIFY(!(M::digest(first) == M::digest(answer({b, a}))));
        A revalued = b;
        revalued.value = "7.5e-01";
        QCOMPARE(M::alertSetDigest(first), M::alertSetDigest(answer({revalued, a})));
        // What Vigil reads changes the digest.
        const auto differs = [&](const std::string &other) {
            return !(M::alertSetDigest(first) == M::alertSetDigest(other));
        };
        A changed = b;
        changed.state = "pending";
        QVERIFY(differs(answer({a, changed})));
        changed = b;
        changed.summary = "busy at 75 %"; // an annotation templated with $value
        QVERIFY(differs(answer({a, changed})));
        changed = b;
        changed.activeAt = "03:45:52";
        QVERIFY(differs(answer({a, changed})));
        changed = b;
        changed.labelValue = "y"; // a label named "value" is a label
        QVERIFY(differs(answer({a, changed})));
        QVERIFY(differs(answer({a})));
        QVERIFY(differs(answer({a, b, b})));
        QVERIFY(differs(answer({a, A{"c:9100"}})));
        // Not the shape: the bytes' digest.
        for (const std::string &odd :
             {std::string("{\"status\":\"error\""), std::string("[[[[{\"value\":\"1\"}]]]"),
              std::string("{\"a\":\"\\\"}"), first + "}"})
            QCOMPARE(M::alertSetDigest(odd), M::digest(odd));
        // An escaped quote inside a string is not its end.
        A quoted = b;
        quoted.summary = "say \\\"value\\\":\\\"2\\\"";
        QVERIFY(differs(answer({a, quoted})));
        QCOMPARE(M::alertSetDigest(answer({a, quoted})), M::alertSetDigest(answer({quoted, a})));
    }

    void vector() {
        auto r = prometheus::parseQuery(fixture("prom_query_vector.json"));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r->type, PromQueryResult::Type::Vector);
        QCOMPARE(r->vector.size(), std::size_t(2));
        int up = 0, down = 0;
        for (const auto &s : r->vector) {
            QCOMPARE(std::string(s.metric.value("__name__")), std::string("up"));
            QVERIFY(s.time > 1'700'000'000'000LL);
            (s.value == 1 ? up : down)++;
        }
        QCOMPARE(up, 1);
        QCOMPARE(down, 1);
    }

    // The fast path (promfastquery.h) against the document parser: the same answer, error or skips on
    // every recorded answer, every fuzz seed and regression, and hand-made odd shapes.
    void fastPathMatchesTheDocumentParser() {
        std::vector<std::pair<std::string, std::string>> inputs;
        for (const QString &root :
             {QStringLiteral(VIGIL_TEST_DATA_DIR), QStringLiteral(VIGIL_SOURCE_DIR "/tests/fuzz")}) {
            QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.size() < 4'000'000 && f.open(QIODevice::ReadOnly))
                    inputs.emplace_back(it.filePath().toStdString(), f.readAll().toStdString());
            }
        }
        const char *odd[] = {
            "{\"status\":\"success\",\"data\":{\"result\":[{\"metric\":{\"b\":\"2\",\"a\":\"1\"},\"value\":["
            "1700000000.5,\"3\"]}],\"resultType\":\"vector\"}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":"
            "\"1\",\"a\":\"2\"},\"value\":[1,\"1\"]}]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":1,"
            "\"b\":null,\"c\":{\"d\":\"e\"},\"f\":\"g\"},\"value\":[1,\"1\"]}]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
            "\"value\":[1,\"x\"]},{\"metric\":{},\"value\":[\"1\",\"1\"]},{\"metric\":{},\"value\":[1,\"1\","
            "2]},{\"metric\":{},\"value\":7},{\"metric\":{}}]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":"
            "\"b\"},\"histogram\":[1,{\"count\":\"2\"}]}]}}",
            "{\"status\":\"success\",\"warnings\":[\"slow\",\"x\"],\"infos\":[\"i\"],\"data\":{"
            "\"resultType\":\"vector\",\"result\":[]}}",
            "{\"status\":\"success\",\"warnings\":[1],\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":"
            "\"b\"},\"values\":[[1,\"1\"],[2,\"NaN\"],[3,\"+Inf\"],[\"x\",\"1\"],[4],[5,\"1\",6],{\"t\":1}]},"
            "{\"metric\":{\"c\":\"d\"},\"values\":3},{\"metric\":{\"e\":\"f\"}}]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":"
            "\"b\"},\"value\":[-5,\"1\"]},{\"metric\":{\"a\":\"c\"},\"value\":[1e13,\"1\"]},{\"metric\":{"
            "\"a\":\"d\"},\"value\":[18446744073709551615,\"2\"]}]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[1,2]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":{}}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"2\"]}}",
            "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}",
            "{\"status\":\"success\",\"status\":\"error\",\"data\":{\"resultType\":\"vector\",\"result\":[]}"
            "}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]},\"data\":{"
            "\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"1\"]}]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":"
            "\"b\"},\"value\":[1,\"1\"],\"value\":[2,\"2\"]}]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":"
            "\"b\"},\"value\":[1,\"1e999\"]}]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":"
            "\"b\"},\"value\":[1e999,\"1\"]}]}}",
            "{\"status\":\"success\",\"data\":{\"resultType\":7,\"result\":[]}}",
            "[{\"status\":\"success\"}]",
            "",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":"
            "\"b\"},\"value\":[1,\"1\"]}]}",
        };
        for (const char *o : odd)
            inputs.emplace_back(std::string("odd: ") + o, o);
        int fast = 0;
        for (const auto &[name, body] : inputs) {
            Skipped s1, s2;
            const auto a = prometheus::parseQuery(body, "/q", &s1);
            const auto b = prometheus::parseQueryDocument(body, "/q", &s2);
            PromQueryResult probe;
            Skipped probeSkips;
            fast += prometheus::parseQueryFast(body, probe, probeSkips);
            QVERIFY2(a.ok() == b.ok(), name.c_str());
            QCOMPARE(s1.count(), s2.count());
            if (!a.ok()) {
                QCOMPARE(a.error().describe(), b.error().describe());
                continue;
            }
            // Keeping only the labels that name a host (a metric query's way): the document's samples
            // and series, each with its labels of those names and no other, whichever path read them.
            const std::vector<std::string> keep{"node", "instance"};
            const auto kept = [&keep](const LabelSet &all) {
                std::vector<Label> out;
                for (const auto &l : all.labels())
                    if (l.name == keep[0] || l.name == keep[1])
                        out.push_back(l);
                return LabelSet(std::move(out));
            };
            Skipped s3;
            const auto k = prometheus::parseQuery(body, "/q", &s3, &keep);
            QVERIFY2(k.ok(), name.c_str());
            QCOMPARE(s3.count(), s2.count());
            QCOMPARE(k->vector.size(), b->vector.size());
            for (std::size_t i = 0; i < k->vector.size(); ++i) {
                QVERIFY2(k->vector[i].metric == kept(b->vector[i].metric), name.c_str());
                QVERIFY2(same(k->vector[i].value, b->vector[i].value), name.c_str());
            }
            QCOMPARE(k->matrix.size(), b->matrix.size());
            for (std::size_t i = 0; i < k->matrix.size(); ++i)
                QVERIFY2(k->matrix[i].metric == kept(b->matrix[i].metric), name.c_str());
            QVERIFY2(a->type == b->type, name.c_str());
            QCOMPARE(a->warnings, b->warnings);
            QCOMPARE(a->vector.size(), b->vector.size());
            for (std::size_t i = 0; i < a->vector.size(); ++i) {
                QVERIFY2(a->vector[i].metric == b->vector[i].metric, name.c_str());
                QCOMPARE(a->vector[i].time, b->vector[i].time);
                QVERIFY2(same(a->vector[i].value, b->vector[i].value), name.c_str());
            }
            QCOMPARE(a->matrix.size(), b->matrix.size());
            for (std::size_t i = 0; i < a->matrix.size(); ++i) {
                QVERIFY2(a->matrix[i].metric == b->matrix[i].metric, name.c_str());
                QCOMPARE(a->matrix[i].points.size(), b->matrix[i].points.size());
                for (std::size_t k = 0; k < a->matrix[i].points.size(); ++k) {
                    QCOMPARE(a->matrix[i].points[k].first, b->matrix[i].points[k].first);
                    QVERIFY(same(a->matrix[i].points[k].second, b->matrix[i].points[k].second));
                }
            }
        }
        // The recorded answers of a real Prometheus take the fast path.
        PromQueryResult r;
        Skipped sk;
        QVERIFY(prometheus::parseQueryFast(fixture("prom_query_vector.json"), r, sk));
        QVERIFY(prometheus::parseQueryFast(fixture("prom_query_range.json"), r, sk));
        QVERIFY(prometheus::parseQueryFast(fixture("prom_query_nan.json"), r, sk));
        const std::vector<std::string> instance{"instance"};
        QVERIFY(prometheus::parseQueryFast(fixture("prom_query_vector.json"), r, sk, &instance));
        for (const auto &sample : r.vector)
            QVERIFY(sample.metric.size() == 1 && sample.metric.has("instance"));
        qInfo("%d of %zu inputs took the fast path", fast, inputs.size());
    }

    void scalar() {
        auto r = prometheus::parseQuery(fixture("prom_query_scalar.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->type, PromQueryResult::Type::Scalar);
        QCOMPARE(r->scalar, 1.0);
        QCOMPARE(r->scalarTime, 1795481723773LL);
    }

    void nanAndInf() {
        auto nan = prometheus::parseQuery(fixture("prom_query_nan.json"));
        QVERIFY(nan.ok());
        bool sawNan = false, sawInf = false;
        for (const auto &s : nan->vector) {
            sawNan |= std::isnan(s.value);
            sawInf |= std::isinf(s.value) && s.value > 0;
        }
        QVERIFY(sawNan);
        QVERIFY(sawInf);
        double v = 0;
        QVERIFY(prometheus::parseSampleValue("-Inf", v) && std::isinf(v) && v < 0);
        QVERIFY(prometheus::parseSampleValue("1.5e+03", v) && v == 1500);
        QVERIFY(!prometheus::parseSampleValue("1.5x", v));
        QVERIFY(!prometheus::parseSampleValue("", v));
        // What strtod accepted stays accepted; Go's 'f' format writes large values out in full.
        QVERIFY(prometheus::parseSampleValue("+2.5", v) && v == 2.5);
        QVERIFY(prometheus::parseSampleValue("0.1", v) && v == 0.1);
        QVERIFY(prometheus::parseSampleValue("1e400", v) && std::isinf(v));
        QVERIFY(!prometheus::parseSampleValue("1 ", v));
        QVERIFY(prometheus::parseSampleValue("1" + std::string(70, '0'), v) && v == 1e70);
        QVERIFY(prometheus::parseSampleValue("0." + std::string(80, '0') + "1", v) && v == 1e-81);
    }

    void matrix() {
        auto r = prometheus::parseQuery(fixture("prom_query_range.json"), "/api/v1/query_range");
        QVERIFY(r.ok());
        QCOMPARE(r->type, PromQueryResult::Type::Matrix);
        QCOMPARE(r->matrix.size(), std::size_t(1));
        QCOMPARE(r->matrix[0].points.size(), std::size_t(1));
        QCOMPARE(r->matrix[0].points[0].second, 0.27);
    }

    void infoMetricsCarryFacts() {
        auto r = prometheus::parseQuery(fixture("prom_query_uname.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->vector.size(), std::size_t(1));
        QVERIFY(!r->vector[0].metric.value("release").empty());
        QCOMPARE(std::string(r->vector[0].metric.value("sysname")), std::string("Linux"));
    }

    void apiErrors_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("text");
        QTest::newRow("bad_data") << "prom_error_bad_data.json"
                                  << "bad_data"
                                  << "parse error";
        QTest::newRow("too many points") << "prom_error_too_many_points.json"
                                         << "bad_data"
                                         << "11,000 points";
    }
    void apiErrors() {
        QFETCH(QString, file);
        QFETCH(QString, errorType);
        QFETCH(QString, text);
        auto r = prometheus::parseQuery(fixture(file.toLatin1().constData()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Api);
        QCOMPARE(QString::fromStdString(r.error().errorType), errorType);
        QVERIFY2(QString::fromStdString(r.error().message).contains(text), r.error().message.c_str());
    }

    // The error type in brackets when Prometheus gives one; a proxy's error without one reads whole.
    void apiErrorWithoutAType() {
        auto typed =
            prometheus::parseQuery(R"({"status":"error","errorType":"bad_data","error":"parse error"})");
        QVERIFY(!typed.ok());
        QCOMPARE(typed.error().message, std::string("Prometheus error (bad_data): parse error"));
        auto bare = prometheus::parseQuery(R"({"status":"error","error":"not recorded"})");
        QVERIFY(!bare.ok());
        QCOMPARE(bare.error().message, std::string("Prometheus error: not recorded"));
    }

    void httpErrorCarriesPrometheusMessage() {
        HttpResponse resp;
        resp.status = 400;
        resp.contentType = "application/json";
        resp.body = fixture("prom_error_too_many_points.json");
        auto r = prometheus::checkResponse(resp, "/api/v1/query_range");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus, 400);
        QVERIFY(QString::fromStdString(r.error().describe()).contains(QStringLiteral("HTTP 400")));
        QVERIFY(QString::fromStdString(r.error().describe())
                    .contains(QStringLiteral("decreasing the query resolution")));
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        // Hand-written bad inputs.
        QTest::newRow("empty") << QByteArray() << int(ApiError::Kind::Parse);
        QTest::newRow("truncated") << fixture("prom_query_vector.json").substr(0, 120).c_str() + QByteArray()
                                   << int(ApiError::Kind::Parse);
        QTest::newRow("html") << QByteArray("<html>proxy error</html>") << int(ApiError::Kind::Parse);
        QTest::newRow("array top") << QByteArray("[1,2]") << int(ApiError::Kind::Shape);
        QTest::newRow("no status") << QByteArray("{\"data\":{}}") << int(ApiError::Kind::Shape);
        QTest::newRow("no result") << QByteArray(
                                          "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\"}}")
                                   << int(ApiError::Kind::Shape);
        QTest::newRow("unknown type")
            << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"histogram\",\"result\":[]}}")
            << int(ApiError::Kind::Shape);
        // Found by the fuzzer: a number beyond a double is out_of_range in nlohmann, and escaped.
        QTest::newRow("number overflow")
            << QByteArray("{\"status\":\"success\",\"data\":1e999}") << int(ApiError::Kind::Parse);
        QTest::newRow("deep nesting") << QByteArray(100000, '[') << int(ApiError::Kind::Parse);
    }
    void badInput() {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        auto r =
            prometheus::parseQuery(std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), kind);
        QVERIFY(!r.error().message.empty());
        QCOMPARE(QString::fromStdString(r.error().endpoint), QStringLiteral("/api/v1/query"));
    }

    void warningsSurface() {
        // Hand-written: the warnings field as Prometheus/Thanos send it on partial responses.
        auto r =
            prometheus::parseQuery("{\"status\":\"success\",\"warnings\":[\"store gateway eu1 unavailable: "
                                   "partial result\"],\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        QVERIFY(r.ok());
        QCOMPARE(r->warnings.size(), std::size_t(1));
        QVERIFY(r->warnings[0].find("partial") != std::string::npos);
    }

    void wrongContentType() {
        HttpResponse resp;
        resp.status = 200;
        resp.contentType = "text/html; charset=utf-8";
        resp.body = "<html>login</html>";
        auto r = prometheus::checkResponse(resp, "/api/v1/query");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::ContentType);
        QVERIFY(r.error().message.find("text/html") != std::string::npos);
    }

    void targets() {
        auto r = prometheus::parseTargets(fixture("prom_targets.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->active.size(), std::size_t(2));
        int down = 0;
        for (const auto &t : r->active)
            if (t.health == "down") {
                ++down;
                QVERIFY(!t.lastError.empty());
            }
        QCOMPARE(down, 1);
    }

    void rulesFromARealPrometheus() {
        auto r = prometheus::parseRules(fixture("prom_rules.json"));
        QVERIFY(r);
        QCOMPARE(r->size(), std::size_t(2));
        QCOMPARE((*r)[0].name, std::string("TargetDown"));
        QCOMPARE((*r)[0].query, std::string("up == 0"));
        QCOMPARE((*r)[0].health, std::string("ok"));
        QCOMPARE((*r)[0].group, std::string("vigil-fleet"));
        QVERIFY((*r)[1].query.find("node_cpu_seconds_total") != std::string::npos);
        // `duration` is the rule's `for:` in seconds: HighCpu waits a minute, TargetDown not at all.
        QCOMPARE((*r)[0].forMs, TimeMs(0));
        QCOMPARE((*r)[1].forMs, TimeMs(60'000));
        // A duration of the wrong type is no delay, never an error.
        auto odd = prometheus::parseRules(
            "{\"status\":\"success\",\"data\":{\"groups\":[{\"name\":\"g\",\"rules\":["
            "{\"name\":\"A\",\"query\":\"up\",\"type\":\"alerting\",\"duration\":\"15m\"},"
            "{\"name\":\"B\",\"query\":\"up\",\"type\":\"alerting\",\"duration\":-3}]}]}}");
        QVERIFY(odd);
        QCOMPARE(odd->size(), std::size_t(2));
        QCOMPARE((*odd)[0].forMs, TimeMs(0));
        QCOMPARE((*odd)[1].forMs, TimeMs(0));
        // Recording rules are skipped; a broken rule keeps its error.
        auto mixed = prometheus::parseRules(
            "{\"status\":\"success\",\"data\":{\"groups\":[{\"name\":\"g\",\"rules\":["
            "{\"name\":\"job:up:sum\",\"query\":\"sum(up)\",\"health\":\"ok\",\"type\":\"recording\"},"
            "{\"name\":\"Bad\",\"query\":\"x\",\"health\":\"err\",\"lastError\":\"boom\",\"type\":"
            "\"alerting\"}]}]}}");
        QVERIFY(mixed);
        QCOMPARE(mixed->size(), std::size_t(1));
        QCOMPARE(mixed->front().lastError, std::string("boom"));
        QVERIFY(!prometheus::parseRules("{\"status\":\"success\",\"data\":{}}"));
    }

    void alerts() {
        auto r = prometheus::parseAlerts(fixture("prom_alerts.json"));
        QVERIFY(r.ok());
        int firing = 0, pending = 0;
        for (const auto &a : *r) {
            firing += a.state == "firing";
            pending += a.state == "pending";
            QVERIFY(a.activeAt > 0);
        }
        QCOMPARE(firing, 2);
        QCOMPARE(pending, 1); // SlowToFire has for: 1h
    }

    void buildInfo() {
        auto r = prometheus::parseBuildInfo(fixture("prom_buildinfo.json"));
        QVERIFY(r.ok());
        QVERIFY(r->version.starts_with("2.42.0"));
    }

    void externalLabels() {
        // Recorded from a real Prometheus with kube-prometheus' external labels; the replica label is
        // dropped on the way to Alertmanager (alert_relabel_configs: labeldrop), so it is not one.
        auto r = prometheus::parseExternalLabels(fixture("prom_status_config.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->toString(), std::string("{cluster=\"eu1\", prometheus=\"monitoring/k8s\"}"));
        // No external labels: none, not an error.
        auto none = prometheus::parseExternalLabels(
            "{\"status\":\"success\",\"data\":{\"yaml\":\"global:\\n  scrape_interval: 15s\\n\"}}");
        QVERIFY(none.ok() && none->empty());
        // YAML that does not parse, and no yaml string at all, are errors naming the endpoint.
        auto broken = prometheus::parseExternalLabels(
            "{\"status\":\"success\",\"data\":{\"yaml\":\"global: [unclosed\"}}");
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().describe().find("/api/v1/status/config") != std::string::npos);
        QVERIFY(!prometheus::parseExternalLabels("{\"status\":\"success\",\"data\":{\"yaml\":7}}").ok());
        // A map value under external_labels is skipped, the scalars kept.
        auto mixed =
            prometheus::parseExternalLabels("{\"status\":\"success\",\"data\":{\"yaml\":\"global:\\n  "
                                            "external_labels:\\n    a: x\\n    b: {c: d}\\n\"}}");
        QVERIFY(mixed.ok());
        QCOMPARE(mixed->toString(), std::string("{a=\"x\"}"));
    }

    void requests() {
        auto q = prometheus::queryRequest("http://prom:9090/prefix/", "sum(rate(x{a=\"b c\"}[5m]))",
                                          1795481723773);
        QCOMPARE(QString::fromStdString(q.url),
                 QStringLiteral(
                     "http://prom:9090/prefix/api/v1/"
                     "query?query=sum%28rate%28x%7Ba%3D%22b%20c%22%7D%5B5m%5D%29%29&time=1795481723.773"));
        auto rq = prometheus::queryRangeRequest("http://prom:9090", "up", 1000, 61000, 15000);
        QVERIFY(rq.url.find("start=1.000&end=61.000&step=15.000") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusAdapter)
#include "tst_prometheusadapter.moc"
