#include "report/phrases.h"

#include <fmt/format.h>

#include "core/quantity.h"

namespace plainsight {

const std::string& qualifier(const Window& w) {
  static const std::string kNone;
  return w.decided == Window::Decided::rule && w.rule ? w.rule->qualifier : kNone;
}

std::string protection_phrase(const Window& w) {
  const std::string label = w.rule ? w.rule->label : w.protection_id;
  switch (w.decided) {
    case Window::Decided::arrived_encrypted:
      return fmt::format("{} ({})", w.scheme, w.custody ? w.custody->name : w.protection_id);
    case Window::Decided::decrypted_here:
      return fmt::format("{} blob; decrypted here under: {}", w.scheme, label);
    case Window::Decided::rule:
      return label;
  }
  return label;
}

std::string state_phrase(const Window& w) {
  // A rule's qualifier says what matters more than how long: "Encrypted (SSE-KMS)".
  const std::string& q = qualifier(w);
  if (!q.empty() && (w.state == State::plaintext || w.state == State::ciphertext))
    return fmt::format("{} ({})", w.state == State::plaintext ? "Plaintext" : "Encrypted", q);
  switch (w.state) {
    case State::plaintext:
      return w.resident ? "Plaintext, continuously" : "Plaintext, briefly";
    case State::ciphertext:
      return "Encrypted";
    case State::deterministic_ciphertext:
      return "Deterministic ciphertext";
    case State::ciphertext_then_plaintext:
      return "Encrypted blob, then decrypted briefly";
    case State::metadata_only:
      return "Metadata only";
  }
  return "";
}

bool label_fits(const std::string& label, State state) {
  const bool plain_words = label.starts_with("Plaintext") || label.starts_with("plaintext");
  const bool encrypted_words = label.starts_with("Encrypted") || label.starts_with("encrypted");
  switch (state) {
    case State::plaintext:
      return plain_words;
    case State::ciphertext:
    case State::deterministic_ciphertext:
    case State::ciphertext_then_plaintext:
      return encrypted_words;
    case State::metadata_only:
      return false;
  }
  return false;
}

std::string state_phrase(const Window& w, const Stage& st) {
  if (!st.state_label.empty() && label_fits(st.state_label, w.state)) return st.state_label;
  return state_phrase(w);
}

std::string window_phrase(const Window& w) {
  if (w.state == State::ciphertext_then_plaintext && w.resident_s > 0)
    return fmt::format("{} x {} (blob resident {})", format_duration(w.per_event.value),
                       format_events(w.events), format_duration(w.resident_s));
  if (w.resident && w.events <= 1) return "resident " + format_duration(w.per_event.value);
  std::string per = format_duration(w.per_event.value);
  if (w.events <= 1) return per + " per event";
  return fmt::format("{} x {}", per, format_events(w.events));
}

std::string name_phrase(const Window& w) {
  return w.replicas > 1 ? fmt::format("{} (x {})", w.name, format_count(w.replicas)) : w.name;
}

std::string located(std::string_view name, std::string_view location) {
  return location.empty() ? std::string(name) : fmt::format("{} ({})", name, location);
}

std::string plaintext_total_phrase(const Window& w) {
  if (w.plaintext_total_s > w.plaintext_coverage_s * 1.001)
    return fmt::format("{} summed, {} covered", format_duration(w.plaintext_total_s),
                       format_duration(w.plaintext_coverage_s));
  return format_duration(w.plaintext_total_s);
}

std::string thread_shortfall_note(const ThreadShortfall& s) {
  if (s.started >= s.asked) return "";
  const std::string why =
      !s.refused.empty() ? s.refused
      : s.address_space_limit > 0
          ? fmt::format(
                "a limit of {} on the address space (ulimit -v) "
                "leaves room for {}, each with its stack",
                format_bytes(static_cast<double>(s.address_space_limit)), s.started)
          : "the system refused the rest";
  return fmt::format(
      "only {} of {} threads could start ({}): the work ran on {}; the results do not depend on "
      "the number of threads",
      s.started, s.asked, why, s.started);
}

}  // namespace plainsight
