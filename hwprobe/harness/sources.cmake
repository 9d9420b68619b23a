# Sources of hwprobe/harness (target plainsight_hwprobe).
