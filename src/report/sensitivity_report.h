// A sensitivity analysis in words and numbers: the ranked table (text, CSV, JSON), the sentence
// naming the assumption that decides the answer and the value at which the verdict flips, and
// the phrases the tornado chart labels its rows with.
#pragma once

#include <ostream>
#include <string>

#include "analyze/sensitivity.h"

namespace plainsight {

// "OC3 dwell", "host_root: time to compromise", "stage fabric: lifetime".
std::string assumption_label(const Assumption& a);
// A value of the assumption in its unit: "30.0 d", "10.0 GB/s", "4/y".
std::string assumption_value(const Assumption& a, double value);
// "16 d .. 60 d (its 90% range: low end: mandiant-m-trends-2026, claimed; high end: x2,
// assumed)" or "15 d .. 60 d (x1/2 .. x2)".
std::string assumption_range(const Assumption& a, double factor);
// What decides the answer, in one sentence.
std::string decisive_sentence(const SensitivityResult& result);
// A flip: "the ceiling OC2 -> OC3 at 41.2 d", "P >= 0.5 at 55.0 d".
std::string flip_phrase(const SensitivityResult& result, const AssumptionEffect& effect,
                        const VerdictFlip& flip);

void sensitivity_table(std::ostream& out, const SensitivityResult& result);
void sensitivity_csv(std::ostream& out, const SensitivityResult& result);
void sensitivity_json(std::ostream& out, const SensitivityResult& result);

}  // namespace plainsight
