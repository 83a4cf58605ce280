#pragma once
// Runs an Asio io_context until it stops, surviving a handler that throws: one failed request must not
// take a network thread down. Shared by the HTTP client and vigil-sim's server.
#include "../support/guard.h"

#include <boost/asio/io_context.hpp>

namespace vigil {

inline void runIoContext(boost::asio::io_context &io) {
    for (;;) {
        try {
            io.run();
            return;
        } catch (const std::exception &e) {
            // A handler threw; keep serving the others.
            noteEscapedException("the network thread", e.what());
        } catch (...) {
            noteEscapedException("the network thread", "an exception of unknown type");
        }
    }
}

} // namespace vigil
