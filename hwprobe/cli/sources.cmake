# Sources of hwprobe/cli (target plainsight_hwprobe).
