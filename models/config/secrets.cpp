#include "secrets.h"

#include "config.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace vigil {

namespace {

const QString kService = QStringLiteral("vigil");

// The outcome of a finished QtKeychain job.
SecretStore::Outcome outcomeOf(const QKeychain::Job &job) {
    SecretStore::Outcome o;
    o.ok = job.error() == QKeychain::NoError;
    o.notFound = job.error() == QKeychain::EntryNotFound;
    if (!o.ok)
        o.error = job.errorString().isEmpty() ? QStringLiteral("keychain error %1").arg(int(job.error()))
                                              : job.errorString();
    return o;
}

// Runs `done` on the job's finish, while `context` lives. The job deletes itself afterwards.
void whenFinished(QKeychain::Job *job, QObject *context, SecretStore::Done done,
                  std::function<void(SecretStore::Outcome &, QKeychain::Job *)> fill = {}) {
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [guard, done = std::move(done), fill = std::move(fill)](QKeychain::Job *j) {
                         if (!guard)
                             return;
                         auto o = outcomeOf(*j);
                         if (fill)
                             fill(o, j);
                         done(o);
                     });
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->start();
}

} // namespace

QString SecretStore::keyFor(const std::string &sourceName) {
    return QStringLiteral("source/") + QString::fromStdString(sourceName);
}

std::unique_ptr<SecretStore> SecretStore::system() {
    if (qEnvironmentVariable("VIGIL_SECRET_STORE") == QLatin1String("memory"))
        return std::make_unique<MemorySecretStore>();
    return std::make_unique<KeychainStore>();
}

void KeychainStore::read(const QString &key, QObject *context, Done done) {
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(key);
    whenFinished(job, context, std::move(done), [](SecretStore::Outcome &o, QKeychain::Job *j) {
        if (o.ok)
            o.value = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
    });
}

void KeychainStore::write(const QString &key, const QString &secret, QObject *context, Done done) {
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setKey(key);
    job->setTextData(secret);
    whenFinished(job, context, std::move(done));
}

void KeychainStore::remove(const QString &key, QObject *context, Done done) {
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setKey(key);
    whenFinished(job, context, std::move(done));
}

void MemorySecretStore::answer(QObject *context, Done done, Outcome outcome) {
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, context, [guard, done = std::move(done), outcome = std::move(outcome)] {
        if (guard)
            done(outcome);
    });
}

void MemorySecretStore::read(const QString &key, QObject *context, Done done) {
    Outcome o;
    if (!m_failure.isEmpty()) {
        o.error = m_failure;
    } else if (const auto it = m_entries.find(key); it != m_entries.end()) {
        o.ok = true;
        o.value = it->second;
    } else {
        o.notFound = true;
        o.error = QStringLiteral("Entry not found");
    }
    answer(context, std::move(done), std::move(o));
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, Done done) {
    Outcome o;
    if (m_failure.isEmpty()) {
        m_entries[key] = secret;
        o.ok = true;
    } else {
        o.error = m_failure;
    }
    answer(context, std::move(done), std::move(o));
}

void MemorySecretStore::remove(const QString &key, QObject *context, Done done) {
    Outcome o;
    if (!m_failure.isEmpty())
        o.error = m_failure;
    else if (m_entries.erase(key) > 0)
        o.ok = true;
    else
        o.notFound = true;
    answer(context, std::move(done), std::move(o));
}

namespace secrets {

void resolve(Config &config, SecretStore &store, int timeoutMs) {
    QObject context;
    QEventLoop loop;
    int pending = 0;
    for (auto &source : config.sources) {
        if (!source.secretInKeychain)
            continue;
        ++pending;
        store.read(SecretStore::keyFor(source.name), &context,
                   [&source, &pending, &loop](const SecretStore::Outcome &o) {
                       if (o.ok) {
                           (source.auth.username.empty() ? source.auth.bearerToken : source.auth.password) =
                               o.value.toStdString();
                       } else {
                           source.secretProblem =
                               o.notFound ? std::string("nothing stored under \"") +
                                                SecretStore::keyFor(source.name).toStdString() + "\""
                                          : o.error.toStdString();
                       }
                       if (--pending == 0)
                           loop.quit();
                   });
    }
    if (pending == 0)
        return;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    for (auto &source : config.sources)
        if (source.secretInKeychain && source.auth.bearerToken.empty() && source.auth.password.empty() &&
            source.secretProblem.empty())
            source.secretProblem =
                "the keychain did not answer within " + std::to_string(timeoutMs / 1000) + " s";
}

QString secretFileFor(const QString &configPath, const std::string &sourceName) {
    QString name = QString::fromStdString(sourceName);
    QString safe;
    for (const QChar c : name)
        safe += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') || c == QLatin1Char('_')
                    ? c
                    : QLatin1Char('_');
    if (safe != name || safe.isEmpty()) // two names that map to one file stay apart
        safe += QLatin1Char('-') +
                QString::fromLatin1(
                    QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
    return QFileInfo(configPath).absoluteDir().filePath(QStringLiteral("secrets/") + safe);
}

bool writeSecretFile(const QString &path, const QString &secret, QString *error) {
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir) ||
        !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        *error = QStringLiteral("cannot make the folder %1 readable by you alone").arg(dir);
        return false;
    }
    QSaveFile f(path);
    // The temporary file gets 0600 before a byte of the secret is written into it.
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        f.write(secret.toUtf8()) < 0 || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace secrets
} // namespace vigil
