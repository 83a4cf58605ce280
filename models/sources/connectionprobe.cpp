#include "connectionprobe.h"

#include "../net/httpclient.h"
#include "alertmanageradapter.h"
#include "prometheusadapter.h"
#include "sourcetls.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace vigil {

namespace {

// The answers of one probe, filled on the HTTP client's thread.
struct Pending {
    std::mutex mutex;
    std::condition_variable changed;
    int left = 0;
    std::vector<HttpResponse> responses;
};

} // namespace

std::vector<ProbeAnswer> probeSource(const SourceConfig &source, const std::string &upQuery,
                                     const std::function<bool()> &cancelled) {
    HttpClient::Options options;
    options.maxResponseBytes = 16u * 1024 * 1024;
    HttpClient client(options);
    auto pending = std::make_shared<Pending>();
    std::vector<HttpRequest> requests;
    const auto add = [&](HttpRequest r, std::int64_t timeoutMs) {
        r.auth = source.auth;
        r.tls = tlsOf(source);
        r.timeout = std::chrono::milliseconds(timeoutMs);
        r.maxRetries = 0;
        requests.push_back(std::move(r));
    };
    if (!source.prometheusUrl.empty()) {
        add(prometheus::getRequest(source.prometheusUrl, "/api/v1/status/buildinfo"), source.timeoutMs);
        add(prometheus::queryRequest(source.prometheusUrl, upQuery), source.timeoutMs);
    }
    for (const auto &url : source.alertmanagerUrls)
        add(alertmanager::statusRequest(url), source.alertmanagerTimeoutMs);
    pending->left = static_cast<int>(requests.size());
    pending->responses.resize(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i)
        client.send(std::move(requests[i]), [pending, i](HttpResponse r) {
            std::lock_guard lock(pending->mutex);
            pending->responses[i] = std::move(r);
            --pending->left;
            pending->changed.notify_all();
        });
    {
        std::unique_lock lock(pending->mutex);
        while (pending->left > 0 && !(cancelled && cancelled()))
            pending->changed.wait_for(lock, std::chrono::milliseconds(50));
    }
    client.shutdown(); // what has not answered is cancelled; its response stays "not answered"
    std::lock_guard lock(pending->mutex);
    const auto &rs = pending->responses;

    std::vector<ProbeAnswer> out;
    std::size_t at = 0;
    if (!source.prometheusUrl.empty()) {
        ProbeAnswer a;
        a.server = ProbeAnswer::Server::Prometheus;
        a.url = source.prometheusUrl;
        for (std::size_t i = 0; i < 2; ++i)
            a.latencyMs = std::max(a.latencyMs, rs[i].elapsedMs);
        // The inventory query decides whether Vigil can watch it; the version is only shown.
        const auto inventory = prometheus::checkResponse(rs[1], "/api/v1/query");
        if (!inventory) {
            a.error = rs[1].status == 0 && rs[1].error == HttpError::None ? "no answer"
                                                                          : inventory.error().describe();
        } else if (const auto parsed = prometheus::parseQuery(*inventory); !parsed) {
            a.error = parsed.error().describe();
        } else if (parsed->type != PromQueryResult::Type::Vector) {
            a.error = "the inventory query " + upQuery + " does not give an instant vector";
        } else {
            a.ok = true;
            a.targets = static_cast<long>(parsed->vector.size());
            a.targetsUp = static_cast<long>(std::count_if(parsed->vector.begin(), parsed->vector.end(),
                                                          [](const PromSample &x) { return x.value == 1; }));
            if (parsed->vector.empty())
                a.error = "the inventory query " + upQuery + " finds no targets: check the query profile";
        }
        if (const auto b = prometheus::checkResponse(rs[0], "/api/v1/status/buildinfo")) {
            if (const auto info = prometheus::parseBuildInfo(*b))
                a.version = info->version;
        } else if (a.ok) {
            a.error = "version unknown: " + b.error().describe();
        }
        out.push_back(std::move(a));
        at = 2;
    }
    for (const auto &url : source.alertmanagerUrls) {
        const HttpResponse &r = rs[at++];
        ProbeAnswer a;
        a.server = ProbeAnswer::Server::Alertmanager;
        a.url = url;
        a.latencyMs = r.elapsedMs;
        if (const auto body = alertmanager::checkResponse(r, "/api/v2/status")) {
            if (const auto status = alertmanager::parseStatus(*body)) {
                a.ok = true;
                a.version = status->version;
                a.cluster = status->clusterStatus;
                a.peers = status->peers;
            } else {
                a.error = status.error().describe();
            }
        } else {
            a.error = r.status == 0 && r.error == HttpError::None ? "no answer" : body.error().describe();
        }
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace vigil
