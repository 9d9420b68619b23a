#include "report/phrases.h"

#include <fmt/format.h>

#include "core/quantity.h"

namespace plainsight {

std::string state_phrase(const Window& w) {
  // A rule's qualifier says what matters more than how long: "Encrypted (SSE-KMS)".
  if (!w.qualifier.empty() && (w.state == State::plaintext || w.state == State::ciphertext))
    return fmt::format("{} ({})", w.state == State::plaintext ? "Plaintext" : "Encrypted",
                       w.qualifier);
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
    return fmt::format("{} x {:g} (blob resident {})", format_duration(w.per_event.value), w.events,
                       format_duration(w.resident_s));
  if (w.resident && w.events <= 1) return "resident " + format_duration(w.per_event.value);
  std::string per = format_duration(w.per_event.value);
  if (w.events <= 1) return per + " per event";
  return fmt::format("{} x {:g}", per, w.events);
}

std::string name_phrase(const Window& w) {
  return w.replicas > 1 ? fmt::format("{} (x {})", w.name, format_count(w.replicas)) : w.name;
}

std::string plaintext_total_phrase(const Window& w) {
  if (w.plaintext_total_s > w.plaintext_coverage_s * 1.001)
    return fmt::format("{} summed, {} covered", format_duration(w.plaintext_total_s),
                       format_duration(w.plaintext_coverage_s));
  return format_duration(w.plaintext_total_s);
}

std::string provenance_phrase(const Figure& f) {
  std::string s(to_string(f.provenance));
  if (!f.detail.empty()) s += ": " + f.detail;
  if (!f.source.empty()) s += " [" + f.source + "]";
  // The chain: what else was weighed for this figure, numbered.
  for (std::size_t i = 0; i < f.considered.size(); ++i)
    s += fmt::format("{}{}) {}", i == 0 ? "; considered: " : "; ", i + 1, f.considered[i]);
  return s;
}

}  // namespace plainsight
