#pragma once
// A source's TLS settings as the requests to it carry them: its own SSL context in HttpClient, never
// shared with another source.
#include "../config/config.h"
#include "../net/httptypes.h"

namespace vigil {

inline HttpTls tlsOf(const SourceConfig &s) {
    HttpTls t;
    t.verify = s.tlsVerify;
    t.caFile = s.caFile;
    t.certFile = s.certFile;
    t.keyFile = s.keyFile;
    return t;
}

} // namespace vigil
