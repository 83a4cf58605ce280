#pragma once
// Where the settings dialog keeps a source's bearer token or basic-auth password: the system keychain
// (QtKeychain: the Secret Service of GNOME and KDE, KWallet, the macOS Keychain, Windows' credential
// store), under the service "vigil" and a key made of the source's name. The configuration then says
// `secret: keychain` and holds no secret (DESIGN rule 7). Where no keychain service answers, the dialog
// offers a file only the user can read instead (writeSecretFile), named by bearer_token_file or
// basic_auth.password_file as operators' files do.
#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace vigil {

struct Config;

class SecretStore {
public:
    struct Outcome {
        bool ok = false;
        bool notFound = false; // read or remove: nothing stored under the key
        QString value;         // read: the secret
        QString error;         // the backend's own words when !ok
    };
    using Done = std::function<void(const Outcome &)>;

    virtual ~SecretStore() = default;
    // Asynchronous: `done` runs once on the calling thread's event loop, unless `context` is gone by then.
    virtual void read(const QString &key, QObject *context, Done done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, Done done) = 0;
    virtual void remove(const QString &key, QObject *context, Done done) = 0;

    // The keychain's entry for a source: "source/<name>".
    static QString keyFor(const std::string &sourceName);
    // The store Vigil uses: the system keychain, or with VIGIL_SECRET_STORE=memory one in this process
    // only (tests, and screenshots that must not touch the user's keychain).
    static std::unique_ptr<SecretStore> system();
};

// QtKeychain under the service name "vigil". Never falls back to a plain file on its own.
class KeychainStore final : public SecretStore {
public:
    void read(const QString &key, QObject *context, Done done) override;
    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;
};

// In memory; answers through the event loop as the keychain does. `failWith` makes every call fail
// with that message (a keychain that is not running).
class MemorySecretStore final : public SecretStore {
public:
    void read(const QString &key, QObject *context, Done done) override;
    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;
    void setFailure(QString message) { m_failure = std::move(message); }
    [[nodiscard]] const std::map<QString, QString> &entries() const { return m_entries; }

private:
    void answer(QObject *context, Done done, Outcome outcome);
    std::map<QString, QString> m_entries;
    QString m_failure;
};

namespace secrets {

// Reads the keychain secret of every source that says `secret: keychain`, waiting at most `timeoutMs`
// for all of them (an unlock prompt may be up). A source whose secret cannot be read keeps polling
// without it, its `secretProblem` saying why. Runs a local event loop: call before any window exists.
void resolve(Config &config, SecretStore &store, int timeoutMs = 60'000);

// The fallback: writes `secret` to `path` readable and writable by the user alone (0600), its folder
// 0700, replacing the file atomically. False and the reason in *error otherwise.
bool writeSecretFile(const QString &path, const QString &secret, QString *error);
// Where the fallback file of a source goes: <config folder>/secrets/<name>.
QString secretFileFor(const QString &configPath, const std::string &sourceName);

} // namespace secrets
} // namespace vigil
