// CSV exports carry label values and annotations from the wire: a cell a spreadsheet would run as a
// formula is neutralised; numbers, quoting and plain text stay as RFC 4180 has them.
#include "support/csv.h"

#include <QTest>

using namespace vigil;

class TestCsv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void field_data() {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << "web-0001"
                               << "web-0001";
        QTest::newRow("comma quoted") << "a,b"
                                      << "\"a,b\"";
        QTest::newRow("quote doubled") << "say \"hi\""
                                       << "\"say \"\"hi\"\"\"";
        QTest::newRow("formula") << "=HYPERLINK(\"http://x\")"
                                 << "\"'=HYPERLINK(\"\"http://x\"\")\"";
        QTest::newRow("plus formula") << "+cmd|' /C calc'!A0"
                                      << "'+cmd|' /C calc'!A0";
        QTest::newRow("minus formula") << "-2+3"
                                       << "'-2+3";
        QTest::newRow("at") << "@SUM(A1)"
                            << "'@SUM(A1)";
        QTest::newRow("tab") << "\t=1"
                             << "'\t=1";
        QTest::newRow("carriage return") << "\r=1"
                                         << "\"'\r=1\"";
        QTest::newRow("negative number") << "-1.5"
                                         << "-1.5";
        QTest::newRow("signed exponent") << "+3e-2"
                                         << "+3e-2";
        QTest::newRow("lone minus") << "-"
                                    << "'-";
        QTest::newRow("number then text") << "-1.5x"
                                          << "'-1.5x";
        QTest::newRow("empty") << ""
                               << "";
    }
    void field() {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(csv::field(in), out);
        QCOMPARE(QString::fromStdString(csv::field(in.toStdString())), out);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
