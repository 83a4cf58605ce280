#pragma once
// Hardware wear: hosts ranked by how soon a wear signal (corrected memory errors, reallocated disk
// sectors, temperature: whichever the profile names) reaches its failure threshold, from a robust
// trend over the history in MetricGrids. Pure std C++.
#include "metricgrid.h"

#include <string>
#include <vector>

namespace vigil::analysis {

struct WearInput {
    const MetricGrid *grid = nullptr;
    std::string title; // "Reallocated sectors"
    double failAt = 0; // the value at which the part counts as failing
};

struct WearSignal {
    int input = -1;     // index into the inputs
    double current = 0; // robust recent level (median of the last segment)
    double slopePerHour = 0;
    double hoursToLimit = 0; // 0 when already there; +inf when not trending toward it
    double urgency = 0;      // 1 at the limit, 0.5 a day away, toward 0 far away
};

struct HostWear {
    std::string host;
    double score = 0;               // sum of the signals' urgency
    double hoursToFailure = 0;      // the soonest signal; +inf when none trends toward its limit
    std::vector<WearSignal> trends; // the ones with a trend or at the limit, most urgent first
};

struct WearOptions {
    int segments = 8;                    // the series is summarised by segment medians before the fit
    double replaceWithinHours = 14 * 24; // "replace soon": projected to fail within this
    double minScore = 0.02;              // hosts below this are left out of the ranking
};

// A ranking with what it was made from, as the views and the CSV export need it.
struct WearReport {
    std::vector<std::string> keys, titles; // per input (metric key, title)
    std::vector<double> limits;            // per input: failAt
    TimeMs from = 0, to = 0;               // the history the trends were fitted over
    std::size_t hostsJudged = 0;
    std::vector<HostWear> ranking;
    std::vector<std::string> warnings;
};

// Theil-Sen slope (median of pairwise slopes) of (x, y) pairs; NaN with fewer than two points.
double theilSenSlope(const std::vector<double> &x, const std::vector<double> &y);

// Every host of the grids' rows with a score over options.minScore, highest first. Grids may differ in
// rows; hosts are matched by name.
std::vector<HostWear> rankWear(const std::vector<WearInput> &inputs, const WearOptions &options = {});

// The hosts of a ranking that should be replaced soon, in ranking order.
std::vector<const HostWear *> replaceSoon(const std::vector<HostWear> &ranking,
                                          const WearOptions &options = {});

// The ranking as CSV for a hardware ticket: host, score, hours to failure, projected date (UTC),
// replace soon, and each trend as "title: current (+slope/h, hours left)".
std::string wearCsv(const WearReport &report, const WearOptions &options = {});

} // namespace vigil::analysis
