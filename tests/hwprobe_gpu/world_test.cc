#include "hwprobe/mpi/world.h"

#include <cstdlib>

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

TEST(World, NotUnderALauncherIsOneRankAndCallsAreNoOps) {
  if (mpi::launched_by_mpi_launcher()) GTEST_SKIP() << "this test was started by mpirun/srun";
  Environment env;
  env.rank = 5;  // init must set it
  env.local_rank = 3;
  env.local_size = 4;
  mpi::init(nullptr, nullptr, env);
  EXPECT_EQ(env.rank, 0);
  EXPECT_EQ(env.world_size, 1);
  EXPECT_EQ(env.local_rank, 0);  // probes read the node-local rank here
  EXPECT_EQ(env.local_size, 1);
#ifdef PLAINSIGHT_HAVE_MPI
  EXPECT_TRUE(env.mpi_compiled);
#endif
  EXPECT_EQ(mpi::gather_to_root({{"a", 1}}), nlohmann::json::array({{{"a", 1}}}));
  EXPECT_EQ(mpi::broadcast("id", 0), "id");
  EXPECT_EQ(mpi::all_gather("x"), std::vector<std::string>{"x"});
  EXPECT_TRUE(mpi::all_true(true));
  EXPECT_FALSE(mpi::all_true(false));
  mpi::barrier();
  mpi::finalize();
}

TEST(World, LauncherDetectionAndOptOut) {
  const char* saved = std::getenv("OMPI_COMM_WORLD_SIZE");
  ::setenv("OMPI_COMM_WORLD_SIZE", "2", 1);
  EXPECT_TRUE(mpi::launched_by_mpi_launcher());
  ::setenv("PLAINSIGHT_NO_MPI", "1", 1);
  EXPECT_FALSE(mpi::launched_by_mpi_launcher());
  ::unsetenv("PLAINSIGHT_NO_MPI");
  if (saved == nullptr) ::unsetenv("OMPI_COMM_WORLD_SIZE");
}

}  // namespace
}  // namespace hwprobe
