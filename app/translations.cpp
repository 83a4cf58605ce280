#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace vigil {

void installTranslations() {
    // Function-local: they outlive the application object, which only keeps pointers to them.
    static QTranslator english, qt, local;
    if (english.load(QStringLiteral(":/i18n/vigil_en.qm")))
        QCoreApplication::installTranslator(&english);
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
    // Installed last, searched first; English itself is already installed.
    if (QLocale().language() != QLocale::English &&
        local.load(QLocale(), QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&local);
}

void setUpApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    installTranslations();
}

} // namespace vigil
