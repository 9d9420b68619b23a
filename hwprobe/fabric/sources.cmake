# Sources of hwprobe/fabric (target plainsight_hwprobe).
