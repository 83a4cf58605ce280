#include "httpserver.h"
#include "net/gzip.h"
#include "net/httpclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <future>
#include <mutex>

using namespace vigil;
using sim::HttpServer;
using sim::ServerReply;
using sim::ServerRequest;

namespace {
HttpResponse sendSync(HttpClient &c, HttpRequest r) {
    auto p = std::make_shared<std::promise<HttpResponse>>();
    auto f = p->get_future();
    c.send(std::move(r), [p](HttpResponse resp) { p->set_value(std::move(resp)); });
    if (f.wait_for(std::chrono::seconds(20)) != std::future_status::ready)
        qFatal("request did not complete");
    return f.get();
}

HttpRequest get(const HttpServer &s, const std::string &path, int maxRetries = 0) {
    HttpRequest r;
    r.url = "http://127.0.0.1:" + std::to_string(s.port()) + path;
    r.maxRetries = maxRetries;
    r.bucket = "test";
    return r;
}

struct Server {
    explicit Server(HttpServer::Handler h)
        : server(std::move(h)) {
        std::string err;
        if (!server.start("127.0.0.1", 0, &err))
            qFatal("%s", err.c_str());
    }
    HttpServer server;
};
// openssl's command line, for certificates and a real TLS peer (s_server).
bool haveOpenssl() {
    return !QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty();
}
bool openssl(const QStringList &args) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAll().constData());
        return false;
    }
    return true;
}
// A CA (ca.pem/ca.key in dir, named prefix) and a certificate it signs for localhost (prefix.pem/key).
bool issue(const QTemporaryDir &dir, const QString &prefix) {
    const QString ca = dir.filePath(prefix + QStringLiteral("-ca")), leaf = dir.filePath(prefix);
    const QString ext = dir.filePath(prefix + QStringLiteral(".ext"));
    QFile e(ext);
    if (!e.open(QIODevice::WriteOnly))
        return false;
    e.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    e.close();
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                    QStringLiteral("1"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + prefix + QStringLiteral(" CA"), QStringLiteral("-keyout"),
                    ca + QStringLiteral(".key"), QStringLiteral("-out"), ca + QStringLiteral(".pem")}) &&
           openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                    QStringLiteral("-keyout"), leaf + QStringLiteral(".key"), QStringLiteral("-out"),
                    leaf + QStringLiteral(".csr")}) &&
           openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    leaf + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".pem"),
                    QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-extfile"), ext,
                    QStringLiteral("-out"), leaf + QStringLiteral(".pem")});
}
std::uint16_t freePort() {
    Server probe([](const ServerRequest &) { return ServerReply::json("{}"); });
    return probe.server.port();
}
// openssl s_server on 127.0.0.1, answering every request with 200 (-www); stopped by its destructor.
struct TlsPeer {
    TlsPeer(const QTemporaryDir &dir, const QString &cert, const QStringList &extra = {})
        : port(freePort()) {
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"),
                      QStringList{QStringLiteral("s_server"), QStringLiteral("-accept"),
                                  QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-cert"),
                                  dir.filePath(cert + QStringLiteral(".pem")), QStringLiteral("-key"),
                                  dir.filePath(cert + QStringLiteral(".key")), QStringLiteral("-www"),
                                  QStringLiteral("-quiet")} +
                          extra);
        process.waitForStarted();
    }
    ~TlsPeer() {
        process.kill();
        process.waitForFinished();
    }
    HttpRequest request(std::optional<HttpTls> tls) const {
        HttpRequest r;
        r.url = "https://localhost:" + std::to_string(port) + "/";
        r.maxRetries = 3; // s_server may still be binding
        r.timeout = std::chrono::milliseconds(3000);
        r.tls = std::move(tls);
        return r;
    }
    std::uint16_t port;
    QProcess process;
};
} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepAliveReusesOneConnection() {
        Server s([](const ServerRequest &) { return ServerReply::json("{}"); });
        HttpClient c;
        for (int i = 0; i < 5; ++i) {
            auto r = sendSync(c, get(s.server, "/x"));
            QVERIFY2(r.ok(), r.describe().c_str());
            QCOMPARE(r.reusedConnection, i > 0);
        }
        QCOMPARE(c.connectionsOpened(), std::uint64_t(1));
        QCOMPARE(s.server.connectionCount(), std::uint64_t(1));
    }

    void gzipIsInflated() {
        const std::string body = "{\"data\":\"" + std::string(100000, 'a') + "\"}";
        std::atomic<bool> askedForGzip{false};
        Server s([&](const ServerRequest &r) {
            askedForGzip = r.header("Accept-Encoding").find("gzip") != std::string::npos;
            return ServerReply::json(body);
        });
        HttpClient c;
        auto r = sendSync(c, get(s.server, "/big"));
        QVERIFY(r.ok());
        QCOMPARE(r.body, body);
        QVERIFY(askedForGzip);
        QVERIFY(r.wireBytes < body.size() / 10);
    }

    // gunzip takes the size from the gzip trailer as a hint only: an honest one, one that lies either
    // way, one past the cap, a corrupt or cut stream, each gives what zlib's stream alone would.
    void gunzipTrustsNoTrailer() {
        std::string text;
        for (int i = 0; i < 20000; ++i)
            text += "{\"metric\":{\"instance\":\"h" + std::to_string(i) + "\"},\"value\":[1,\"1\"]},";
        const std::string gz = gzipCompress(text);
        auto withSize = [&gz](std::uint32_t size) {
            std::string g = gz;
            for (int k = 0; k < 4; ++k)
                g[g.size() - 4 + static_cast<std::size_t>(k)] = static_cast<char>((size >> (8 * k)) & 0xff);
            return g;
        };
        std::string out;
        QCOMPARE(gunzip(gz, 1 << 30, out), InflateResult::Ok);
        QVERIFY(out == text);
        QCOMPARE(gunzip(gz, text.size() - 1, out), InflateResult::TooLarge);
        QCOMPARE(gunzip(gz, text.size(), out), InflateResult::Ok);
        // A trailer that claims less, or more: the CRC still holds the data to account.
        QCOMPARE(gunzip(withSize(100), 1 << 30, out), InflateResult::Corrupt);
        QCOMPARE(gunzip(withSize(static_cast<std::uint32_t>(text.size() * 2)), 1 << 30, out),
                 InflateResult::Corrupt);
        // Claiming more than deflate can give from this input (under the cap): not believed, the stream
        // decides (and the length check fails).
        QCOMPARE(gunzip(withSize(static_cast<std::uint32_t>(gz.size() * 1033)), 1 << 30, out),
                 InflateResult::Corrupt);
        // Claiming more than the cap: the stream decides, and stops at the cap.
        QCOMPARE(gunzip(withSize(0xffffffffu), text.size() / 2, out), InflateResult::TooLarge);
        std::string flipped = gz;
        flipped[gz.size() / 2] = static_cast<char>(flipped[gz.size() / 2] ^ 0x55);
        QCOMPARE(gunzip(flipped, 1 << 30, out), InflateResult::Corrupt);
        QCOMPARE(gunzip(gz.substr(0, gz.size() / 2), 1 << 30, out), InflateResult::Corrupt);
        QCOMPARE(gunzip(gz.substr(0, 10), 1 << 30, out), InflateResult::Corrupt);
        QCOMPARE(gunzip(gzipCompress(""), 1 << 30, out), InflateResult::Ok);
        QVERIFY(out.empty());
    }

    void failures_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("text");
        QTest::newRow("timeout") << 0 << int(HttpError::Timeout) << "within 300 ms";
        QTest::newRow("over the cap") << 1 << int(HttpError::TooLarge) << "cap of 4096";
        QTest::newRow("dropped") << 2 << int(HttpError::Io) << "dropped";
        QTest::newRow("truncated body") << 3 << int(HttpError::Io) << "dropped";
        QTest::newRow("not http") << 4 << int(HttpError::Protocol) << "invalid HTTP";
        QTest::newRow("gzip over the cap") << 5 << int(HttpError::TooLarge) << "inflated";
        QTest::newRow("corrupt gzip") << 6 << int(HttpError::Decompress) << "gzip";
    }
    void failures() {
        QFETCH(int, mode);
        QFETCH(int, expected);
        QFETCH(QString, text);
        Server s([mode](const ServerRequest &) {
            ServerReply r = ServerReply::json("{\"x\":\"" +
                                              std::string(mode == 5   ? 100000
                                                          : mode == 1 ? 8000
                                                                      : 2000,
                                                          'b') +
                                              "\"}");
            r.allowGzip = mode == 5;
            switch (mode) {
            case 0:
                r.delayMs = 3000;
                break;
            case 2:
                r.action = ServerReply::Action::Close;
                break;
            case 3:
                r.action = ServerReply::Action::TruncateBody;
                break;
            case 4:
                r.action = ServerReply::Action::RawBytes;
                r.body = "SSH-2.0-OpenSSH_9.2\r\n\r\n";
                break;
            case 6:
                r.body = "this is not gzip";
                r.headers = {{"Content-Encoding", "gzip"}};
                break;
            default:
                break;
            }
            return r;
        });
        HttpClient::Options o;
        o.maxResponseBytes = 4096;
        if (mode == 5)
            o.maxResponseBytes = 50000; // the compressed body fits, the inflated one does not
        HttpClient c(o);
        auto req = get(s.server, "/fail");
        req.timeout = std::chrono::milliseconds(300);
        auto r = sendSync(c, req);
        QCOMPARE(int(r.error), expected);
        QVERIFY2(QString::fromStdString(r.describe()).contains(text), r.describe().c_str());
    }

    void connectionRefused() {
        std::uint16_t port;
        {
            Server s([](const ServerRequest &) { return ServerReply::json("{}"); });
            port = s.server.port();
        }
        HttpClient c;
        HttpRequest r;
        r.url = "http://127.0.0.1:" + std::to_string(port) + "/";
        r.maxRetries = 0;
        auto resp = sendSync(c, r);
        QCOMPARE(resp.error, HttpError::Connect);
        QVERIFY(resp.describe().find("refused") != std::string::npos);
    }

    void tlsHandshakeFailureIsReported() {
        // An https:// URL pointing at a plain-HTTP server: the handshake fails and says so.
        Server s([](const ServerRequest &) { return ServerReply::json("{}"); });
        HttpClient c;
        HttpRequest r;
        r.url = "https://127.0.0.1:" + std::to_string(s.server.port()) + "/";
        r.maxRetries = 0;
        r.timeout = std::chrono::milliseconds(3000);
        auto resp = sendSync(c, r);
        QCOMPARE(resp.error, HttpError::Tls);
        QVERIFY2(resp.describe().find("TLS handshake with 127.0.0.1 failed") != std::string::npos,
                 resp.describe().c_str());
    }

    void tlsVerifiesCertificates() {
        // A real TLS peer: openssl s_server with a throwaway self-signed certificate for localhost.
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed (scripts/install-deps.sh installs it)");
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem")),
                      key = dir.filePath(QStringLiteral("key.pem"));
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                    QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                                    QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
                                    QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert}),
                 0);
        std::uint16_t port;
        {
            Server probe([](const ServerRequest &) { return ServerReply::json("{}"); });
            port = probe.server.port();
        }
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral("openssl"),
                     {QStringLiteral("s_server"), QStringLiteral("-accept"),
                      QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-cert"), cert,
                      QStringLiteral("-key"), key, QStringLiteral("-www"), QStringLiteral("-quiet")});
        QVERIFY(server.waitForStarted());
        HttpRequest r;
        r.url = "https://localhost:" + std::to_string(port) + "/";
        r.maxRetries = 3; // s_server may still be binding
        r.timeout = std::chrono::milliseconds(3000);
        {
            HttpClient c; // verification on by default: a self-signed certificate is refused
            auto resp = sendSync(c, r);
            QCOMPARE(resp.error, HttpError::Tls);
            QVERIFY2(resp.describe().find("certificate verify failed") != std::string::npos,
                     resp.describe().c_str());
        }
        {
            HttpClient::Options o;
            o.caFile = cert.toStdString(); // trusting its CA makes the same server acceptable
            HttpClient c(o);
            auto resp = sendSync(c, r);
            QVERIFY2(resp.error == HttpError::None, resp.describe().c_str());
            QCOMPARE(resp.status, 200);
        }
        server.kill();
        server.waitForFinished();
    }

    void invalidUrl() {
        HttpClient c;
        HttpRequest r;
        r.url = "ftp://example/";
        QCOMPARE(sendSync(c, r).error, HttpError::InvalidUrl);
    }

    void retriesWithBackoff() {
        std::atomic<int> calls{0};
        Server s([&](const ServerRequest &) {
            return ++calls < 3 ? ServerReply::text("busy", 503) : ServerReply::json("{\"ok\":true}");
        });
        HttpClient::Options o;
        o.retryBaseDelay = std::chrono::milliseconds(50);
        HttpClient c(o);
        QElapsedTimer t;
        t.start();
        auto r = sendSync(c, get(s.server, "/", 2));
        QVERIFY(r.ok());
        QCOMPARE(r.attempts, 3);
        QVERIFY(t.elapsed() >= 25 + 50); // at least half of each backoff (jitter)
        // A POST is not retried.
        calls = 0;
        auto post = get(s.server, "/", 2);
        post.method = "POST";
        post.body = "{}";
        auto pr = sendSync(c, post);
        QCOMPARE(pr.status, 503);
        QCOMPARE(pr.attempts, 1);
    }

    void concurrencyIsBoundedPerBucket() {
        Server s([](const ServerRequest &) {
            ServerReply r = ServerReply::json("{}");
            r.delayMs = 150;
            return r;
        });
        HttpClient::Options o;
        o.maxConcurrentPerBucket = 2;
        HttpClient c(o);
        std::vector<std::future<HttpResponse>> fs;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 6; ++i) {
            auto p = std::make_shared<std::promise<HttpResponse>>();
            fs.push_back(p->get_future());
            c.send(get(s.server, "/slow"), [p](HttpResponse r) { p->set_value(std::move(r)); });
        }
        for (auto &f : fs)
            QVERIFY(f.get().ok());
        QVERIFY2(t.elapsed() >= 3 * 150 - 20, qPrintable(QString::number(t.elapsed())));
        QVERIFY(c.connectionsOpened() <= 2);
    }

    void cancel() {
        Server s([](const ServerRequest &) {
            ServerReply r = ServerReply::json("{}");
            r.delayMs = 5000;
            return r;
        });
        HttpClient c;
        auto p = std::make_shared<std::promise<HttpResponse>>();
        auto f = p->get_future();
        QElapsedTimer t;
        t.start();
        auto id = c.send(get(s.server, "/slow"), [p](HttpResponse r) { p->set_value(std::move(r)); });
        QTest::qWait(100);
        c.cancel(id);
        QCOMPARE(f.wait_for(std::chrono::seconds(3)), std::future_status::ready);
        QCOMPARE(f.get().error, HttpError::Cancelled);
        QVERIFY(t.elapsed() < 2000);
    }

    void shutdownWithRequestsInFlight() {
        Server s([](const ServerRequest &) {
            ServerReply r = ServerReply::json("{}");
            r.delayMs = 5000;
            return r;
        });
        QElapsedTimer t;
        t.start();
        {
            HttpClient c;
            for (int i = 0; i < 10; ++i)
                c.send(get(s.server, "/slow"), [](HttpResponse) {});
            QTest::qWait(100);
        } // destructor cancels and joins
        QVERIFY(t.elapsed() < 3000);
    }

    void authHeaders() {
        std::mutex m;
        std::vector<std::string> seen;
        Server s([&](const ServerRequest &r) {
            std::lock_guard l(m);
            seen.push_back(r.header("Authorization"));
            return ServerReply::json("{}");
        });
        HttpClient c;
        auto r1 = get(s.server, "/");
        r1.auth.bearerToken = "tok";
        sendSync(c, r1);
        auto r2 = get(s.server, "/");
        r2.auth.username = "noc";
        r2.auth.password = "pw";
        sendSync(c, r2);
        QCOMPARE(seen, (std::vector<std::string>{"Bearer tok", "Basic bm9jOnB3"}));
    }

    // A 429/503 with Retry-After is asked again when the server says, not on the backoff schedule; a
    // wait longer than a poll can afford is not retried, and the figure is reported.
    void retryAfterIsHonoured() {
        std::atomic<int> calls{0};
        Server s([&](const ServerRequest &) {
            if (calls++ == 0) {
                auto r = ServerReply::text("slow down", 429);
                r.headers.emplace_back("Retry-After", "1");
                return r;
            }
            return ServerReply::json("{}");
        });
        HttpClient::Options o;
        o.retryBaseDelay = std::chrono::milliseconds(1); // the backoff alone would retry at once
        HttpClient c(o);
        QElapsedTimer t;
        t.start();
        auto r = sendSync(c, get(s.server, "/x", 2));
        QVERIFY2(r.ok(), r.describe().c_str());
        QCOMPARE(r.attempts, 2);
        QVERIFY2(t.elapsed() >= 950, qPrintable(QString::number(t.elapsed())));

        Server busy([&](const ServerRequest &) {
            auto r = ServerReply::text("maintenance", 503);
            r.headers.emplace_back("Retry-After", "120");
            return r;
        });
        auto r2 = sendSync(c, get(busy.server, "/x", 2));
        QCOMPARE(r2.status, 503);
        QCOMPARE(r2.attempts, 1);
        QCOMPARE(r2.retryAfterMs, std::int64_t(120'000));
        QVERIFY2(r2.describe().find("retry after 120 s") != std::string::npos, r2.describe().c_str());
    }

    void retryAfterForms_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << "30" << qint64(30'000);
        QTest::newRow("spaces") << " 5 " << qint64(5'000);
        QTest::newRow("date in 90 s") << "Sun, 06 Nov 1994 08:51:07 GMT" << qint64(90'000);
        QTest::newRow("date past") << "Sun, 06 Nov 1994 08:48:00 GMT" << qint64(0);
        QTest::newRow("absent") << "" << qint64(-1);
        QTest::newRow("garbage") << "soon" << qint64(-1);
        QTest::newRow("huge") << "99999999999999999999" << qint64(999'999'999'000);
    }
    void retryAfterForms() {
        QFETCH(QString, value);
        QFETCH(qint64, ms);
        const std::int64_t now = 784'111'777'000; // Sun, 06 Nov 1994 08:49:37 GMT
        QCOMPARE(qint64(parseRetryAfter(value.toStdString(), now)), ms);
    }

    // A redirect (often a proxy's login page) is reported with where it points; it is not followed.
    void redirectIsReportedWithItsTarget() {
        Server s([](const ServerRequest &) {
            auto r = ServerReply::text("", 302);
            r.headers.emplace_back("Location", "https://sso.example.test/login?next=/api/v1/query");
            return r;
        });
        HttpClient c;
        auto r = sendSync(c, get(s.server, "/api/v1/query"));
        QCOMPARE(r.status, 302);
        QCOMPARE(r.location, std::string("https://sso.example.test/login?next=/api/v1/query"));
        QVERIFY2(r.describe().find("redirected to https://sso.example.test/login") != std::string::npos,
                 r.describe().c_str());
    }

    // Sources stay isolated: each TLS setting has its own SSL context and connection pool, so one
    // source's CA file or insecure_skip_verify never reaches another using the same client.
    void tlsSettingsArePerSource() {
        if (!haveOpenssl())
            QSKIP("openssl is not installed (scripts/install-deps.sh installs it)");
        QTemporaryDir dir;
        QVERIFY(issue(dir, QStringLiteral("private"))); // a private CA, given to one source
        QVERIFY(
            issue(dir, QStringLiteral("public"))); // stands for a public chain: not in the system store here
        TlsPeer privatePeer(dir, QStringLiteral("private"));
        TlsPeer publicPeer(dir, QStringLiteral("public"));
        HttpClient c;
        HttpTls withCa;
        withCa.caFile = dir.filePath(QStringLiteral("private-ca.pem")).toStdString();
        auto a = sendSync(c, privatePeer.request(withCa));
        QVERIFY2(a.error == HttpError::None && a.status == 200, a.describe().c_str());
        // The other source, verifying: the first source's CA does not vouch for it.
        auto b = sendSync(c, publicPeer.request(HttpTls{}));
        QCOMPARE(b.error, HttpError::Tls);
        QVERIFY2(b.describe().find("certificate verify failed") != std::string::npos, b.describe().c_str());
        // Nor does it vouch for the private peer without the CA file.
        auto a2 = sendSync(c, privatePeer.request(HttpTls{}));
        QCOMPARE(a2.error, HttpError::Tls);
        // A third source that skips verification reaches it, and verification stays on for the others.
        HttpTls insecure;
        insecure.verify = false;
        auto b2 = sendSync(c, publicPeer.request(insecure));
        QVERIFY2(b2.error == HttpError::None, b2.describe().c_str());
        auto b3 = sendSync(c, publicPeer.request(HttpTls{}));
        QCOMPARE(b3.error, HttpError::Tls);
        // An unreadable CA file fails that source only, saying which file.
        HttpTls missing;
        missing.caFile = dir.filePath(QStringLiteral("nope.pem")).toStdString();
        auto m = sendSync(c, privatePeer.request(missing));
        QCOMPARE(m.error, HttpError::Tls);
        QVERIFY2(m.describe().find("nope.pem") != std::string::npos, m.describe().c_str());
        auto a3 = sendSync(c, privatePeer.request(withCa));
        QVERIFY2(a3.error == HttpError::None, a3.describe().c_str());
    }

    // Client certificates (tls: {cert_file, key_file}), as Prometheus' scrape config has them.
    void clientCertificate() {
        if (!haveOpenssl())
            QSKIP("openssl is not installed (scripts/install-deps.sh installs it)");
        QTemporaryDir dir;
        QVERIFY(issue(dir, QStringLiteral("server")));
        QVERIFY(issue(dir, QStringLiteral("client")));
        TlsPeer peer(dir, QStringLiteral("server"),
                     {QStringLiteral("-Verify"), QStringLiteral("1"), QStringLiteral("-CAfile"),
                      dir.filePath(QStringLiteral("client-ca.pem"))});
        HttpClient c;
        HttpTls tls;
        tls.caFile = dir.filePath(QStringLiteral("server-ca.pem")).toStdString();
        auto without = sendSync(c, peer.request(tls));
        QVERIFY2(without.error != HttpError::None || without.status != 200, without.describe().c_str());
        tls.certFile = dir.filePath(QStringLiteral("client.pem")).toStdString();
        tls.keyFile = dir.filePath(QStringLiteral("client.key")).toStdString();
        auto with = sendSync(c, peer.request(tls));
        QVERIFY2(with.error == HttpError::None && with.status == 200, with.describe().c_str());
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
