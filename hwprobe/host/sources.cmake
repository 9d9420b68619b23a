# Sources of hwprobe/host (target plainsight_hwprobe).
