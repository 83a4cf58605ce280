#pragma once
// Drift's findings worded for people, through tr() with plural forms: the notes on what was not judged,
// why nothing was, and what a report judged against. The analysis keeps them as facts (DriftNote, the
// report's counts, the baseline file); the command line words the same facts in English for scripts.
#include "analysis/baseline.h"

#include <QCoreApplication>
#include <QString>

namespace vigil {

class DriftWording {
    Q_DECLARE_TR_FUNCTIONS(DriftWording)
public:
    static QString note(const analysis::DriftNote &note);
    // Why no host was judged, from the report's counts; the role label is named when the report judged
    // against the consensus (empty otherwise).
    static QString nothingJudged(const analysis::BaselineReport &report, const QString &consensusRoleLabel);
    // "the consensus by role" or the baseline file's path.
    static QString against(const analysis::DriftSummary &summary, const QString &roleLabel);
};

} // namespace vigil
