package dev.ghost.gateway.snapshot;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The gateway's own process and host, as the status document shows them.
 *
 * @param loadAverage the host's one-minute load average, or -1 where the OS does not tell
 */
public record SystemInfo(long pid, String jvm, double loadAverage, Memory memory, Disk disk) {

  /** JVM heap in bytes. */
  public record Memory(long heapUsed, long heapMax) {}

  /** The file system of the data directory, in bytes. */
  public record Disk(String path, long free, long total) {}

  public static SystemInfo read(Path dataDir) {
    Runtime runtime = Runtime.getRuntime();
    File dir = dataDir.toFile();
    return new SystemInfo(
        ProcessHandle.current().pid(),
        Runtime.version().toString(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        new Memory(runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory()),
        new Disk(dataDir.toString(), dir.getUsableSpace(), dir.getTotalSpace()));
  }
}
