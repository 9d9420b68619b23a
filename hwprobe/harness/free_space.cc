#include "hwprobe/harness/free_space.h"

#include <sys/statfs.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "hwprobe/harness/probe.h"
#include "hwprobe/harness/size_sweep.h"

namespace hwprobe {
namespace {

constexpr std::uint64_t kMinMargin = 64ull << 20;

std::uint64_t margin_for(std::uint64_t free_bytes) {
  return std::max<std::uint64_t>(free_bytes / 10, kMinMargin);
}

}  // namespace

std::uint64_t available_bytes(const std::filesystem::path& dir) {
  struct statvfs st {};
  if (::statvfs(dir.c_str(), &st) != 0) {
    throw ProbeError("cannot stat file system of " + dir.string() + ": " + std::strerror(errno));
  }
  return static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize;
}

std::uint64_t writable_budget(const std::filesystem::path& dir) {
  const std::uint64_t free_bytes = available_bytes(dir);
  const std::uint64_t margin = margin_for(free_bytes);
  return free_bytes > margin ? free_bytes - margin : 0;
}

void require_free_space(const std::filesystem::path& dir, std::uint64_t bytes) {
  const std::uint64_t free_bytes = available_bytes(dir);
  const std::uint64_t margin = margin_for(free_bytes);
  if (bytes + margin > free_bytes) {
    throw ProbeError("not enough free space in " + dir.string() + ": needs " + format_size(bytes) +
                     " plus a margin of " + format_size(margin) + ", " + format_size(free_bytes) +
                     " free");
  }
}

std::string filesystem_type(const std::filesystem::path& dir) {
  struct statfs st {};
  if (::statfs(dir.c_str(), &st) != 0) return "unknown";
  // Magic numbers from linux/magic.h and the file systems' own headers.
  switch (static_cast<unsigned long>(st.f_type)) {
    case 0xEF53:
      return "ext4";  // ext2/3/4 share the magic
    case 0x58465342:
      return "xfs";
    case 0x9123683E:
      return "btrfs";
    case 0x01021994:
      return "tmpfs";
    case 0x6969:
      return "nfs";
    case 0x0BD00BD0:
      return "lustre";
    case 0xFE534D42:
      return "smb2";
    case 0xFF534D42:
      return "cifs";
    case 0x794C7630:
      return "overlayfs";
    case 0x2FC12FC1:
      return "zfs";
    case 0x65735546:
      return "fuse";
    case 0x47504653:
      return "gpfs";
    case 0x00C36400:
      return "ceph";
    case 0x73717368:
      return "squashfs";
    case 0x4D44:
      return "vfat";
    case 0xF2F52010:
      return "f2fs";
    case 0x5346544E:
      return "ntfs";
    case 0x858458F6:
      return "ramfs";
    case 0x01021997:
      return "v9fs";
    case 0x19800202:
      return "mqueue";
    default: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "0x%lx", static_cast<unsigned long>(st.f_type));
      return buf;
    }
  }
}

}  // namespace hwprobe
