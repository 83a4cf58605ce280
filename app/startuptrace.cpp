#include "startuptrace.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QEvent>
#include <QTableView>
#include <QTimer>

#include <chrono>
#include <cstdio>

namespace vigil::startup {

namespace {
std::chrono::steady_clock::time_point g_main;

class Probe final : public QObject {
public:
    Probe(QTableView *view, bool exitAfter)
        : QObject(view)
        , m_view(view)
        , m_exit(exitAfter) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && !m_done && m_view->model() && m_view->model()->rowCount() > 0) {
            m_done = true;
            // Stamped once this paint (and the flush that follows it) is done.
            QTimer::singleShot(0, this, [this] {
                const double ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_main)
                        .count();
                std::fprintf(stderr, "startup.first_incidents %.1f ms (%d incidents)\n", ms,
                             m_view->model()->rowCount());
                std::fflush(stderr);
                if (m_exit)
                    QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_view;
    bool m_exit;
    bool m_done = false;
};
} // namespace

void markMain() {
    g_main = std::chrono::steady_clock::now();
}

void watch(QTableView *incidents) {
    if (!qEnvironmentVariableIsSet("VIGIL_TRACE_STARTUP") || !incidents)
        return;
    const bool exitAfter = qEnvironmentVariable("VIGIL_TRACE_STARTUP") == QLatin1String("exit");
    incidents->viewport()->installEventFilter(new Probe(incidents, exitAfter));
}

} // namespace vigil::startup
