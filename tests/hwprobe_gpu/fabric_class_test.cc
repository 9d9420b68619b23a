#include "hwprobe/fabric/fabric_class.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

namespace fs = std::filesystem;

// A stand-in for /sys/class/infiniband: devices with a driver link and a port's link layer.
class SysfsTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("plainsight-sysfs-" + std::to_string(::getpid()));
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void device(const std::string& name, const std::string& driver, const std::string& layer) {
    const fs::path d = root_ / name;
    fs::create_directories(d / "device");
    fs::create_directories(d / "ports" / "1");
    fs::create_directories(root_ / "drivers" / driver);
    fs::create_directory_symlink(root_ / "drivers" / driver, d / "device" / "driver");
    std::ofstream(d / "ports" / "1" / "link_layer") << layer << "\n";
  }
  fs::path root_;
};

TEST_F(SysfsTree, NoRdmaDeviceIsTcp) {
  EXPECT_EQ(nccl_fabric(root_, nullptr, nullptr), "tcp");
  EXPECT_EQ(nccl_fabric(root_ / "absent", nullptr, nullptr), "tcp");
}

TEST_F(SysfsTree, InfiniBandPortsAreInfiniBandUnlessDisabled) {
  device("mlx5_0", "mlx5_core", "InfiniBand");
  EXPECT_EQ(nccl_fabric(root_, nullptr, nullptr), "infiniband");
  EXPECT_EQ(nccl_fabric(root_, nullptr, "1"), "tcp");
  EXPECT_EQ(nccl_fabric(root_, "Socket", nullptr), "tcp");
  EXPECT_EQ(nccl_fabric(root_, "IB", nullptr), "infiniband");
}

TEST_F(SysfsTree, EthernetPortsAreRoce) {
  device("mlx5_0", "mlx5_core", "Ethernet");
  EXPECT_EQ(nccl_fabric(root_, nullptr, nullptr), "roce");
}

TEST_F(SysfsTree, EfaDevicesAreEfa) {
  device("rdmap16s27", "efa", "Unspecified");
  EXPECT_EQ(nccl_fabric(root_, nullptr, nullptr), "efa");
  EXPECT_EQ(nccl_fabric(root_, "AWS Libfabric", nullptr), "efa");
  EXPECT_EQ(nccl_fabric(root_, "Socket", nullptr), "tcp");
  EXPECT_EQ(nccl_fabric(root_, "SomePlugin", nullptr), "unknown");
}

TEST(FabricClass, OneNodeIsNotTheFabric) {
  EXPECT_EQ(nccl_run_fabric(8, 8), "intra_node");
  EXPECT_EQ(nccl_run_fabric(1, 1), "intra_node");
}

TEST(FabricClass, TcpToThisHostIsLoopback) {
  EXPECT_EQ(tcp_fabric("127.0.0.1"), "loopback");
  EXPECT_EQ(tcp_fabric("::1"), "loopback");
  EXPECT_EQ(tcp_fabric("10.0.0.7"), "tcp");
}

}  // namespace
}  // namespace hwprobe
