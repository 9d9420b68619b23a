// Parameterised bad-file tests are named in CTest by their file ("negative.json" ->
// "negative_json"), not by gtest's byte dump of the case struct.
#pragma once

#include <cctype>
#include <string>

#include <gtest/gtest.h>

namespace plainsight::test {

template <class Case>
std::string file_case_name(const testing::TestParamInfo<Case>& info) {
  std::string n = info.param.file;
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

}  // namespace plainsight::test
