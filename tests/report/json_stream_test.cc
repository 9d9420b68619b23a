#include "report/json_stream.h"

#include <sstream>

#include <gtest/gtest.h>

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

// Writes `doc` (an object) through JsonStream member by member, arrays element by element.
std::string streamed(const json& doc) {
  std::ostringstream out;
  JsonStream js(out);
  js.begin_object();
  for (const auto& [k, v] : doc.items()) {
    js.key(k);
    if (v.is_array()) {
      js.begin_array();
      for (const json& e : v) js.value(e);
      js.end();
    } else {
      js.value(v);
    }
  }
  js.end();
  return std::move(out).str();
}

TEST(JsonStream, SameBytesAsDump) {
  json doc = {{"format", "x/1"},
              {"empty_array", json::array()},
              {"empty_object", json::object()},
              {"null", nullptr},
              {"numbers", {1, -2, 2.5, 1e300, 2592000.0, 0.1}},
              {"escaped \"key\"\n", "tab\there \xC3\xA9t\xC3\xA9 \x01"},
              {"rows", {{{"stage", "a"}, {"cells", json::array()}}, {{"nested", {{"k", {1}}}}}}},
              {"last", true}};
  EXPECT_EQ(streamed(doc), doc.dump(2));
}

// A value serialised once (dumped) and written many times (raw) gives the bytes value() would.
TEST(JsonStream, DumpedThenRawIsWhatValueWrites) {
  const json fact = {{"kind", "reach"}, {"source", {{"quote", "a \"quote\""}, {"n", {1, 2}}}}};
  const json doc = {{"windows", {{{"basis", {fact, fact}}}, {{"basis", {fact}}}}}};
  std::ostringstream out;
  JsonStream js(out);
  js.begin_object();
  js.key("windows");
  js.begin_array();
  std::string cached;
  for (int copies : {2, 1}) {
    js.begin_object();
    js.key("basis");
    js.begin_array();
    for (int k = 0; k < copies; ++k) {
      if (cached.empty()) cached = js.dumped(fact);
      js.raw(cached);
    }
    js.end();
    js.end();
  }
  js.end();
  js.end();
  EXPECT_EQ(out.str(), doc.dump(2));
}

TEST(JsonStream, EmptyDocument) { EXPECT_EQ(streamed(json::object()), "{}"); }

TEST(JsonStream, InvalidUtf8ThrowsAsDumpDoes) {
  EXPECT_THROW(streamed({{"bad", "\xFF"}}), json::type_error);
}

TEST(JsonStream, MisuseIsALogicError) {
  std::ostringstream out;
  JsonStream js(out);
  js.begin_object();
  EXPECT_THROW(js.value(1), std::logic_error);  // an object member needs its key first
}

}  // namespace
}  // namespace plainsight
