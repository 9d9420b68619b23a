// The words reports use for states, cells and figures, shared by every format.
#pragma once

#include <string>
#include <string_view>

#include "analyze/parallel.h"
#include "core/stage.h"
#include "core/window.h"

namespace plainsight {

// "Plaintext", "Encrypted (SSE-KMS ...)", "Encrypted blob, then decrypted briefly".
std::string state_phrase(const Window& w);
// The same, or the stage's `state_label` (the source document's own words) where they still
// fit the analysed state.
std::string state_phrase(const Window& w, const Stage& stage);
// Whether a source's words for a state fit it: plaintext words for plaintext, "Encrypted"
// words for any encrypted state.
bool label_fits(const std::string& label, State state);
// "2.22 s per event x 360 = 13.3 min" or "resident 30.00 d".
std::string window_phrase(const Window& w);
// "14.17 min", or "6.899 y summed, 30 d covered" when overlapping events exceed the wall
// clock they cover (a 7-day retention refilled every 2 h).
std::string plaintext_total_phrase(const Window& w);
// "Node fabric (x 125,000)": the window's name, and how many identical replicas it stands
// for when more than one.
std::string name_phrase(const Window& w);
// "Object storage (us-east-1)"; the name alone where the location is empty.
std::string located(std::string_view name, std::string_view location);
// The protection column: the deciding rule's label, "AES-256-GCM, customer key (Customer-held
// key)" for bytes that arrived encrypted, "<scheme> blob; decrypted here under: <label>".
std::string protection_phrase(const Window& w);
// The deciding rule's state qualifier ("SSE-KMS"), where the rule decides the state; "".
const std::string& qualifier(const Window& w);

// "only 37 of 1,024 threads could start (Resource temporarily unavailable): the work ran on
// 37; the results do not depend on the number". "" when every thread started.
std::string thread_shortfall_note(const ThreadShortfall& s);

}  // namespace plainsight
