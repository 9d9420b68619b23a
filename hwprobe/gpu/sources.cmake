# Sources of hwprobe/gpu (target plainsight_hwprobe).
