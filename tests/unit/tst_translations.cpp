// Every shipped translation is complete and well formed: lupdate, run over the sources into a copy of
// each .ts file, finds no message missing or unfinished; every translation keeps its source's
// placeholders (%1, %n) and line breaks; and no tr() call sits where lupdate cannot tell its context
// (a class without Q_OBJECT inherits its Qt base's tr(), whose strings then never translate).
// vigil_en.ts holds only the plural forms English needs (lupdate -pluralonly).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

struct Message {
    QString context, source;
    QStringList forms; // one, or the numerus forms
    bool unfinished = false;
};

std::vector<Message> readTs(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            // Text of its own, or numerus forms.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    m.forms << xml.readElementText();
            }
            if (m.forms.isEmpty())
                m.forms << text;
            out.push_back(m);
        }
    }
    return out;
}

QStringList placeholders(const QString &s) {
    static const QRegularExpression re(QStringLiteral("%L?n|%\\d+"));
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured();
    out.sort();
    return out;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyShippedTranslationIsComplete_data() {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(VIGIL_SOURCE_DIR "/translations"));
        const auto files = dir.entryList({QStringLiteral("*.ts")}, QDir::Files);
        QVERIFY(files.contains(QStringLiteral("vigil_de.ts")));
        for (const auto &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    void everyShippedTranslationIsComplete() {
        QFETCH(QString, file);
        QTemporaryDir tmp;
        const QString copy = tmp.filePath(QFileInfo(file).fileName());
        QVERIFY(QFile::copy(file, copy));
        QStringList args{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                         QStringLiteral("none")};
        if (file.endsWith(QLatin1String("_en.ts")))
            args << QStringLiteral("-pluralonly");
        for (const char *dir : {"app", "widgets", "models"})
            args << QStringLiteral(VIGIL_SOURCE_DIR "/") + QLatin1String(dir);
        args << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.start(QStringLiteral(VIGIL_LUPDATE), args);
        QVERIFY2(lupdate.waitForFinished(120'000), qPrintable(lupdate.errorString()));
        const QString log =
            QString::fromLocal8Bit(lupdate.readAllStandardError() + lupdate.readAllStandardOutput());
        QCOMPARE(lupdate.exitCode(), 0);
        QVERIFY2(!log.contains(QLatin1String("lacks Q_OBJECT")), qPrintable(log));

        const auto messages = readTs(copy);
        QVERIFY(!messages.empty());
        QStringList bad;
        for (const auto &m : messages) {
            const QString where = m.context + QLatin1String(": ") + m.source;
            if (m.unfinished ||
                std::any_of(m.forms.begin(), m.forms.end(), [](const QString &f) { return f.isEmpty(); })) {
                bad << QLatin1String("untranslated ") + where;
                continue;
            }
            for (const auto &f : m.forms)
                if (placeholders(f) != placeholders(m.source) ||
                    f.count(QLatin1Char('\n')) != m.source.count(QLatin1Char('\n')))
                    bad << QLatin1String("placeholders or line breaks differ ") + where +
                               QLatin1String(" -> ") + f;
        }
        QVERIFY2(bad.isEmpty(), qPrintable(QString::number(bad.size()) + QLatin1String(" messages:\n") +
                                           bad.mid(0, 20).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
