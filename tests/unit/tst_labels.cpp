#include "fleet/hostidentity.h"
#include "fleet/labelmatcher.h"
#include "fleet/labelset.h"
#include "support/timeutil.h"

#include <QTest>

using namespace vigil;

class TestLabels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // One machine, whatever scrapes it: the first identity label set names it, with or without the port.
    void hostIdentity() {
        QCOMPARE(HostIdentity::withoutPort("web-1:9100"), std::string_view("web-1"));
        QCOMPARE(HostIdentity::withoutPort("10.0.0.5:9256"), std::string_view("10.0.0.5"));
        QCOMPARE(HostIdentity::withoutPort("[fd00::7]:9100"), std::string_view("fd00::7"));
        QCOMPARE(HostIdentity::withoutPort("fd00::7"), std::string_view("fd00::7")); // no port
        QCOMPARE(HostIdentity::withoutPort("web-1"), std::string_view("web-1"));
        QCOMPARE(HostIdentity::withoutPort("web-1:"), std::string_view("web-1:"));
        QCOMPARE(HostIdentity::withoutPort("web-1:http"), std::string_view("web-1:http"));
        HostIdentity plain;
        const LabelSet exporter({{"instance", "10.0.0.5:9100"}, {"job", "node"}});
        QCOMPARE(plain.hostOf(exporter), std::string_view("10.0.0.5:9100"));
        HostIdentity kube{{"node", "instance"}, true};
        const LabelSet pod({{"instance", "10.0.9.9:8080"}, {"node", "ip-10-0-0-5"}, {"pod", "api-7"}});
        QCOMPARE(kube.hostOf(pod), std::string_view("ip-10-0-0-5"));
        QCOMPARE(kube.labelOf(pod), std::string_view("node"));
        QCOMPARE(kube.hostOf(exporter), std::string_view("10.0.0.5"));
        QCOMPARE(kube.labelOf(exporter), std::string_view("instance"));
        const LabelSet none(std::vector<Label>{{"alertname", "Watchdog"}});
        QVERIFY(kube.hostOf(none).empty() && kube.labelOf(none).empty());
        QCOMPARE(kube.describe(), std::string("node, instance (port stripped)"));
    }

    void fingerprintMatchesAlertmanager() {
        // Labels and fingerprint of the TargetDown alert in tests/data/am_alerts.json (Alertmanager 0.25).
        LabelSet l({{"alertname", "TargetDown"},
                    {"instance", "127.0.0.1:1"},
                    {"job", "down"},
                    {"rack", "eu1-b-r02"},
                    {"region", "eu1"},
                    {"role", "db"},
                    {"severity", "critical"},
                    {"zone", "eu1-b"}});
        QCOMPARE(QString::fromStdString(l.fingerprint()), QStringLiteral("542dd288f494ef20"));
    }

    // Built from labels in any order (a hand-written file, a join), the set is sorted by name with one
    // label per name; labels that come sorted are kept as they are.
    void constructionSortsAndDeduplicates() {
        const LabelSet unsorted({{"zone", "a"}, {"alpha", "b"}, {"mid", "c"}, {"alpha", "d"}});
        QCOMPARE(unsorted.size(), std::size_t(3));
        QCOMPARE(unsorted.labels().front().name, std::string("alpha"));
        QCOMPARE(unsorted.labels().back().name, std::string("zone"));
        const LabelSet sorted({{"alpha", "b"}, {"alpha", "d"}, {"mid", "c"}, {"zone", "a"}});
        QCOMPARE(sorted.size(), std::size_t(3));
        QCOMPARE(sorted.toString(), unsorted.toString());
        QCOMPARE(sorted.value("alpha"), std::string_view("b"));
    }

    void setKeepsSorted() {
        LabelSet l;
        l.set("zone", "a");
        l.set("alpha", "b");
        l.set("mid", "c");
        l.set("alpha", "d");
        QCOMPARE(l.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(l.toString()),
                 QStringLiteral("{alpha=\"d\", mid=\"c\", zone=\"a\"}"));
        QVERIFY(l.value("missing").empty());
    }

    void filter_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matchesDb");
        QTest::addColumn<bool>("matchesWeb");
        QTest::newRow("empty") << "" << true << true;
        QTest::newRow("equal") << "region=eu1" << true << false;
        QTest::newRow("regex anchored") << "role=~db.*" << true << false;
        QTest::newRow("regex is anchored") << "role=~b" << false << false;
        QTest::newRow("not equal") << "role!=db" << false << true;
        QTest::newRow("not regex") << "role!~w.*" << true << false;
        QTest::newRow("two matchers") << "region=eu1 role=~db|web" << true << false;
        QTest::newRow("quoted, braces, commas") << "{region=\"eu1\", role=\"db\"}" << true << false;
        QTest::newRow("bare word in name") << "DB-0" << true << false;
        QTest::newRow("missing label is empty") << "rack=" << false << true;
    }
    void filter() {
        QFETCH(QString, text);
        QFETCH(bool, matchesDb);
        QFETCH(bool, matchesWeb);
        std::string err;
        auto f = LabelFilter::parse(text.toStdString(), &err);
        QVERIFY2(f.has_value(), err.c_str());
        LabelSet db({{"region", "eu1"}, {"role", "db"}, {"rack", "r1"}});
        LabelSet web({{"region", "us1"}, {"role", "web"}});
        QCOMPARE(f->matches(db, "db-01:9100"), matchesDb);
        QCOMPARE(f->matches(web, "web-07:9100"), matchesWeb);
    }

    void filterErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad regex") << "role=~(db"
                                   << "invalid regular expression";
        QTest::newRow("no name") << "=eu1"
                                 << "expected a label name";
        QTest::newRow("open quote") << "role=\"db"
                                    << "unterminated quote";
        // RE2 (as Prometheus): no back-references, repetition counts up to 1,000, one quantifier.
        QTest::newRow("back-reference") << "role=~\"(?P<n>a)(?P=n)\""
                                        << "invalid perl operator";
        QTest::newRow("huge repetition") << "role=~\"a{1001}\""
                                         << "invalid repetition size";
        QTest::newRow("double quantifier") << "role=~\"a**\""
                                           << "bad repetition operator";
    }
    void filterErrors() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        std::string err;
        QVERIFY(!LabelFilter::parse(text.toStdString(), &err));
        QVERIFY2(QString::fromStdString(err).contains(expected), err.c_str());
    }

    // A pattern that makes a backtracking engine take exponential time (std::regex needed 2^30 steps
    // here; found by the fuzzer) is matched in linear time.
    void pathologicalPatternIsLinear() {
        std::string err;
        auto f = LabelFilter::parse("role=~\"(a*)*b\"", &err);
        QVERIFY2(f, err.c_str());
        LabelSet l(std::vector<Label>{{"role", std::string(30, 'a')}});
        QVERIFY(!f->matches(l, "h"));
        LabelSet m(std::vector<Label>{{"role", std::string(30, 'a') + "b"}});
        QVERIFY(f->matches(m, "h"));
    }

    void time() {
        QCOMPARE(parseRfc3339("2026-11-24T00:55:22.044Z").value(), 1795481722044LL);
        QCOMPARE(parseRfc3339("2026-11-24T01:55:22.044123+01:00").value(), 1795481722044LL);
        QVERIFY(!parseRfc3339("yesterday"));
        QVERIFY(!parseRfc3339("2026-13-24T00:55:22Z"));
        QCOMPARE(QString::fromStdString(formatRfc3339(1795481722044LL)),
                 QStringLiteral("2026-11-24T00:55:22.044Z"));
        QCOMPARE(parseDurationMs("1m30s").value(), 90000LL);
        QCOMPARE(parseDurationMs("250ms").value(), 250LL);
        QVERIFY(!parseDurationMs("15"));
        QVERIFY(!parseDurationMs("fast"));
        // Found by the fuzzer: 777777777777w overflowed a signed 64-bit product.
        QVERIFY(!parseDurationMs("777777777777w"));
        QVERIFY(!parseDurationMs("999999999999d999999999999d"));
        QCOMPARE(parseDurationMs("52w").value(), 52LL * 7 * 86'400'000LL);
    }
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
