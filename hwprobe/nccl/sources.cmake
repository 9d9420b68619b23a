# Sources of hwprobe/nccl (target plainsight_hwprobe).
