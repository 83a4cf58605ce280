// A wrong-typed value anywhere in an otherwise valid answer must never throw out of an adapter (it
// aborted Vigil with an uncaught nlohmann type_error before). Each recorded real answer is mutated at
// every position, the value replaced by each JSON type in turn; every parse must return: a result, or a
// typed error that names the endpoint. Elements of the wrong shape are skipped and counted, the rest of
// the answer kept.
#include "testutil.h"
#include "wireentries.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace vigil;
using json = nlohmann::json;

namespace {

// Every JSON pointer in the document, the root included.
void pointers(const json &j, const json::json_pointer &at, std::vector<json::json_pointer> &out) {
    out.push_back(at);
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            pointers(it.value(), at / it.key(), out);
    else if (j.is_array())
        for (std::size_t i = 0; i < j.size(); ++i)
            pointers(j[i], at / i, out);
}

const std::vector<json> &replacements() {
    static const std::vector<json> r{json("x"),
                                     json(""),
                                     json(1),
                                     json(-1.5),
                                     json(1e308),
                                     json(true),
                                     json(),
                                     json::object(),
                                     json::array(),
                                     json::array({1}),
                                     json{{"a", "b"}},
                                     json::array({"x", "y"}),
                                     json(18446744073709551615ULL)};
    return r;
}

} // namespace

class TestWrongTypes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyPositionEveryType_data() {
        QTest::addColumn<int>("entry");
        for (std::size_t i = 0; i < test::wireEntries().size(); ++i)
            QTest::newRow(test::wireEntries()[i].name) << int(i);
    }
    void everyPositionEveryType() {
        QFETCH(int, entry);
        const auto &e = test::wireEntries()[static_cast<std::size_t>(entry)];
        const json original = json::parse(test::fixture(e.fixture));
        QVERIFY(e.parse(original.dump()).ok);
        std::vector<json::json_pointer> all;
        pointers(original, json::json_pointer(), all);
        int parses = 0, errors = 0;
        for (const auto &ptr : all) {
            for (const auto &value : replacements()) {
                json mutated = original;
                mutated[ptr] = value;
                const std::string body = mutated.dump();
                test::WireOutcome o;
                try {
                    o = e.parse(body);
                } catch (const std::exception &ex) {
                    QFAIL(
                        qPrintable(QStringLiteral("%1 at %2 = %3 threw: %4")
                                       .arg(QLatin1String(e.name), QString::fromStdString(ptr.to_string()),
                                            QString::fromStdString(value.dump()), QLatin1String(ex.what()))));
                }
                ++parses;
                if (!o.ok) {
                    ++errors;
                    QVERIFY2(!o.error.message.empty(), body.c_str());
                    QVERIFY2(o.error.endpoint.find(e.endpoint) == 0, o.error.endpoint.c_str());
                }
            }
        }
        qInfo("%s: %d mutated answers parsed, %d typed errors, no exception", e.name, parses, errors);
        QVERIFY(parses >= 13);
    }

    // The first element of each list replaced by a wrong shape: it is skipped and counted, the others
    // are kept.
    void wrongShapedElementIsSkippedAndCounted_data() {
        QTest::addColumn<int>("entry");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<int>("itemsLeft");
        auto row = [](const char *name, const char *ptr, int left) {
            const auto &es = test::wireEntries();
            for (std::size_t i = 0; i < es.size(); ++i)
                if (QLatin1String(es[i].name) == QLatin1String(name))
                    QTest::newRow((std::string(name) + " " + ptr).c_str())
                        << int(i) << QString::fromLatin1(ptr) << left;
        };
        // Counts from the recorded answers (tests/data): 2 alerts, 1 silence, 3 vector samples, ...
        row("am.alerts", "/0", 1);
        row("am.silences", "/0", 0);
        row("prom.query", "/data/result/0", -1);
        row("prom.query_range", "/data/result/0", 0);
        row("prom.alerts", "/data/alerts/0", -1);
        row("prom.targets", "/data/activeTargets/0", -1);
        row("prom.rules", "/data/groups/0", 0);
        row("am.groups", "/0", 1);
    }
    void wrongShapedElementIsSkippedAndCounted() {
        QFETCH(int, entry);
        QFETCH(QString, pointer);
        QFETCH(int, itemsLeft);
        const auto &e = test::wireEntries()[static_cast<std::size_t>(entry)];
        json doc = json::parse(test::fixture(e.fixture));
        const auto before = e.parse(doc.dump());
        QVERIFY(before.ok);
        QCOMPARE(before.skipped, 0);
        doc[json::json_pointer(pointer.toStdString())] = "not an object";
        const auto after = e.parse(doc.dump());
        QVERIFY(after.ok);
        QCOMPARE(after.skipped, 1);
        if (itemsLeft < 0) // one element of a list of several
            QCOMPARE(after.items, before.items - 1);
        else
            QCOMPARE(after.items, std::size_t(itemsLeft));
    }

    // Hand-written: the shapes a half-upgraded server or a proxy sends, one element each.
    void handWrittenWrongElements() {
        Skipped s;
        auto q = prometheus::parseQuery(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]},)"
            R"({"metric":{"instance":"h1"},"value":[1,"0.5"]}]}})",
            "/api/v1/query", &s);
        QVERIFY(q.ok());
        QCOMPARE(q->vector.size(), std::size_t(1));
        QCOMPARE(s.count(), 1);
        Skipped a;
        auto alerts = alertmanager::parseAlerts(
            R"([{"fingerprint":"x"},{"labels":{"alertname":"A"},"status":"active","annotations":"text",)"
            R"("receivers":"sink"},{"labels":{"alertname":"B"},"status":{"silencedBy":"x","state":7}}])",
            &a);
        QVERIFY(alerts.ok());
        QCOMPARE(alerts->size(), std::size_t(2)); // wrong-typed optional fields read as absent
        QCOMPARE(a.count(), 1);                   // the alert without labels
        QCOMPARE(QString::fromStdString(a.describe("/api/v2/alerts").front()),
                 QStringLiteral("/api/v2/alerts: 1 alerts skipped: wrong shape (alert without \"labels\")"));
        Skipped m;
        auto silences = alertmanager::parseSilences(
            R"([{"id":"s1","matchers":[{"name":"a","value":"b","isRegex":"true"}]},{"id":"s2","matchers":["x"]}])",
            &m);
        QVERIFY(silences.ok());
        // A matcher misread would change what the silence covers: both are left out, and said.
        QCOMPARE(silences->size(), std::size_t(0));
        QCOMPARE(m.count(), 2);
        QVERIFY(m.describe("/api/v2/silences").front().find("\"isRegex\" is not a boolean") !=
                std::string::npos);
    }

    void skippedSaysWhatAndWhy() {
        Skipped s;
        s.add("alerts", "alert without \"labels\"");
        s.add("alerts", "alert is not an object");
        s.add("silences", "silence without \"id\"");
        const auto lines = s.describe("/api/v2/alerts");
        QCOMPARE(lines.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(lines[0]),
                 QStringLiteral(
                     "/api/v2/alerts: 2 alerts skipped: wrong shape (first: alert without \"labels\")"));
        QCOMPARE(QString::fromStdString(lines[1]),
                 QStringLiteral("/api/v2/alerts: 1 silences skipped: wrong shape (silence without \"id\")"));
        QCOMPARE(s.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestWrongTypes)
#include "tst_wrongtypes.moc"
