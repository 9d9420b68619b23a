#include "core/quantity.h"

#include <cmath>

#include <gtest/gtest.h>

namespace plainsight {
namespace {

double bytes(const char* s) { return parse_bytes(s, nullptr); }
double secs(const char* s) { return parse_duration(s, nullptr); }
double bw(const char* s) { return parse_bandwidth(s, nullptr); }

TEST(Quantity, BytesDecimalAndBinary) {
  EXPECT_DOUBLE_EQ(bytes("140GB"), 140e9);
  EXPECT_DOUBLE_EQ(bytes("512MiB"), 512.0 * 1048576);
  EXPECT_DOUBLE_EQ(bytes("1.5 TiB"), 1.5 * 1099511627776.0);
  EXPECT_DOUBLE_EQ(bytes("4096"), 4096);
  EXPECT_DOUBLE_EQ(bytes("1e3kB"), 1e6);
}

TEST(Quantity, Durations) {
  EXPECT_DOUBLE_EQ(secs("250ms"), 0.25);
  EXPECT_DOUBLE_EQ(secs("2h"), 7200);
  EXPECT_DOUBLE_EQ(secs("90d"), 90 * 86400.0);
  EXPECT_DOUBLE_EQ(secs("30min"), 1800);
  EXPECT_DOUBLE_EQ(secs("10us"), 1e-5);
}

TEST(Quantity, Bandwidths) {
  EXPECT_DOUBLE_EQ(bw("400Gb/s"), 50e9);
  EXPECT_DOUBLE_EQ(bw("25GB/s"), 25e9);
  EXPECT_DOUBLE_EQ(bw("1000MB/s"), 1e9);
  EXPECT_DOUBLE_EQ(bw("1GiB/s"), 1073741824.0);
  // Providers write bits per second as Gbps ("3,200 Gbps EFA"): the same unit as Gb/s.
  EXPECT_DOUBLE_EQ(bw("3200Gbps"), 400e9);
  EXPECT_DOUBLE_EQ(bw("100Mbps"), bw("100Mb/s"));
  EXPECT_DOUBLE_EQ(bw("1.6Tbps"), 200e9);
}

TEST(Quantity, Rates) {
  EXPECT_DOUBLE_EQ(parse_rate("12/y", nullptr), 12 / (365.25 * 86400));
  EXPECT_DOUBLE_EQ(parse_rate("0.5/d", nullptr), 0.5 / 86400);
}

// Bug fixed: a bad period was reported in the words of the "1/y" made from it.
TEST(Quantity, ABadPeriodIsReportedAsWritten) {
  QuantityError e;
  EXPECT_TRUE(std::isnan(parse_rate("3//y", &e)));
  EXPECT_EQ(
      e.message,
      "'/y' after the '/' in '3//y' is not a period: expected a rate (e.g. 12/y, 0.5/d, 3/2h)");
  EXPECT_TRUE(std::isnan(parse_rate("x/y", &e)));
  EXPECT_NE(e.message.find("got 'x'"), std::string::npos) << e.message;
}

// Bug fixed: a tiny value that is not zero printed as "0 ns" (a horizon of 1e-30 s).
TEST(Quantity, TinyValuesDoNotPrintAsZero) {
  EXPECT_EQ(format_duration(1e-30), "1e-21 ns");
  EXPECT_EQ(format_bytes(1e-30), "1e-30 B");
  EXPECT_EQ(format_bandwidth(1e-4), "0.0001 B/s");
  EXPECT_EQ(format_duration(0), "0 s");
}

TEST(Quantity, ErrorsSayWhatWasExpected) {
  QuantityError e;
  EXPECT_TRUE(std::isnan(parse_duration("2", &e)));
  EXPECT_NE(e.message.find("has no unit"), std::string::npos);
  EXPECT_TRUE(std::isnan(parse_bytes("12 parsecs", &e)));
  EXPECT_NE(e.message.find("unknown unit 'parsecs'"), std::string::npos);
  EXPECT_TRUE(std::isnan(parse_bandwidth("fast", &e)));
  EXPECT_NE(e.message.find("expected a bandwidth"), std::string::npos);
  EXPECT_TRUE(std::isnan(parse_bytes("", &e)));
  EXPECT_TRUE(std::isnan(parse_duration("1e999s", &e)));
  // The probes read sizes with the same grammar (units/size_text.h): "4k" is an error to
  // both, never 4096 to one of them.
  EXPECT_TRUE(std::isnan(parse_bytes("4k", &e)));
  EXPECT_NE(e.message.find("unknown unit 'k' in '4k'"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("KiB = 1024 B, kB = 1000 B"), std::string::npos) << e.message;
  EXPECT_TRUE(std::isnan(parse_bytes("1e308PiB", &e)));
  EXPECT_NE(e.message.find("out of range"), std::string::npos) << e.message;
}

TEST(Quantity, FormatsAreDecimalAndStable) {
  EXPECT_EQ(format_bytes(140e9), "140 GB");
  EXPECT_EQ(format_bytes(6.48e12), "6.48 TB");
  EXPECT_EQ(format_bytes(512), "512 B");
  EXPECT_EQ(format_duration(0.25), "250 ms");
  EXPECT_EQ(format_duration(7200), "2 h");
  EXPECT_EQ(format_duration(7 * 86400), "7 d");
  EXPECT_EQ(format_duration(2.5), "2.5 s");
  EXPECT_EQ(format_bandwidth(63e9), "63 GB/s");
}

}  // namespace
}  // namespace plainsight
