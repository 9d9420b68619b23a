# Sources of hwprobe/cuda (target plainsight_hwprobe).
