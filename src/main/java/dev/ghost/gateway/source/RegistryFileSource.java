package dev.ghost.gateway.source;

import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Observation;
import dev.ghost.gateway.source.RegistryParser.RegistryFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The orchestrator's registry file. Read at every snapshot (parsed again only when the file
 * changed), and watched so that a change triggers a snapshot at once.
 *
 * <p>A file that is missing, unreadable, too big or malformed never stops anything: the last good
 * entries stay in force (their timestamps keep ageing, so a registry broken for long enough turns
 * its daemons DOWN), {@link #status()} says what is wrong, and the next good read recovers.
 */
public final class RegistryFileSource implements DaemonSource, AutoCloseable {

  static final long MAX_BYTES = 5L * 1024 * 1024;
  private static final Logger LOG = Logger.getLogger(RegistryFileSource.class.getName());

  private final Path file;
  private final Duration maxAge;
  private final Supplier<LongPredicate> processTable;
  private final ChangeSignal signal;

  private final RegistryParser parser = new RegistryParser();
  private volatile FileVersion readVersion;

  /**
   * The file's bytes, read into the same array each time it changed: a new array of its size (900
   * KB at 10,000 daemons) each time was a twentieth of what a tick allocated.
   */
  private byte[] buffer = new byte[0];

  private volatile List<RegistryEntry> entries = List.of();

  /**
   * The last tick's observations, by the place of the entry they judged: an entry judged as before
   * gives the same observation object, or at least the same reason text (the snapshot thread's).
   */
  private Observation[] judged = new Observation[0];

  private volatile RegistryStatus status;
  private volatile WatchService watcher;
  private String lastLoggedError;

  public RegistryFileSource(
      Path file, Duration maxAge, Supplier<LongPredicate> processTable, ChangeSignal signal) {
    this.file = file.toAbsolutePath().normalize();
    this.maxAge = Objects.requireNonNull(maxAge);
    this.processTable = Objects.requireNonNull(processTable);
    this.signal = Objects.requireNonNull(signal);
    this.status = new RegistryStatus(this.file.toString(), false, "not read yet", null, 0);
  }

  /**
   * The processes running on this host now, as a test of pids. One listing per tick costs as much
   * as the host has processes; asking for each pid alone would cost as much as the registry has
   * entries, which is far more at 10,000 daemons. On Linux the listing is {@code /proc}'s own
   * directory: {@code ProcessHandle.allProcesses} also opens every process's stat file, about 10 µs
   * a process, a tenth of a tick on a host with a thousand of them.
   */
  public static LongPredicate runningProcesses() {
    Set<Long> pids = new HashSet<>();
    if (!listProcDirectory(pids)) {
      ProcessHandle.allProcesses().forEach(process -> pids.add(process.pid()));
    }
    // Searched as sorted longs: a set of Longs boxed each of the 10,000 pids asked about again.
    long[] sorted = pids.stream().mapToLong(Long::longValue).sorted().toArray();
    return pid -> Arrays.binarySearch(sorted, pid) >= 0;
  }

  /** Adds the pid of every entry of {@code /proc}; false where there is no such directory. */
  private static boolean listProcDirectory(Set<Long> pids) {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc.resolve("self"))) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
          pids.add(Long.parseLong(name));
        }
      }
      return true;
    } catch (IOException | NumberFormatException e) {
      pids.clear();
      return false;
    }
  }

  @Override
  public String name() {
    return RegistryEntry.SOURCE;
  }

  @Override
  public List<Observation> observe(Instant now) {
    refresh(now);
    List<RegistryEntry> current = entries;
    LongPredicate processRuns =
        current.stream().anyMatch(e -> e.pid() != null) ? processTable.get() : pid -> true;
    Observation[] before = judged;
    Observation[] observations = new Observation[current.size()];
    for (int i = 0; i < observations.length; i++) {
      RegistryEntry entry = current.get(i);
      Observation last = i < before.length && before[i].name() == entry.name() ? before[i] : null;
      observations[i] = entry.judge(now, maxAge, processRuns, last);
    }
    judged = observations;
    return Collections.unmodifiableList(Arrays.asList(observations));
  }

  /**
   * Until the file has been read once, the entries known before a restart stand in for it; their
   * timestamps keep ageing, so a registry that stays broken still turns them DOWN.
   */
  @Override
  public synchronized void restore(DaemonStatus known) {
    if (readVersion != null) {
      return;
    }
    List<RegistryEntry> restored = new ArrayList<>(entries);
    restored.add(
        new RegistryEntry(
            known.name(), known.state() != DaemonState.DOWN, known.lastSeen(), known.pid()));
    entries = List.copyOf(restored);
  }

  public RegistryStatus status() {
    return status;
  }

  /**
   * Watches the file's directory, so that writes, atomic renames over the file and its creation all
   * trigger a snapshot. A directory that does not exist yet is not watched; ticks still read.
   */
  public void startWatching() {
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      LOG.warning(
          () -> "registry directory " + dir + " does not exist; reading it every tick only");
      return;
    }
    try {
      WatchService service = dir.getFileSystem().newWatchService();
      dir.register(
          service,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
      watcher = service;
      DaemonThreads.named("registry-watch").newThread(() -> watch(service)).start();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot watch " + dir + "; reading the registry every tick only", e);
    }
  }

  private void watch(WatchService service) {
    try {
      while (true) {
        WatchKey key = service.take();
        boolean ours = false;
        for (WatchEvent<?> event : key.pollEvents()) {
          Object context = event.context();
          ours |=
              event.kind() == StandardWatchEventKinds.OVERFLOW
                  || (context instanceof Path changed && changed.equals(file.getFileName()));
        }
        key.reset();
        if (ours) {
          readVersion = null;
          signal.changed();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    WatchService service = watcher;
    if (service != null) {
      service.close();
    }
  }

  private synchronized void refresh(Instant now) {
    FileVersion version;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      version = FileVersion.of(attributes);
      if (version.equals(readVersion) && status.ok()) {
        return;
      }
      if (attributes.size() > MAX_BYTES) {
        fail("is " + attributes.size() + " bytes, more than the limit of " + MAX_BYTES);
        return;
      }
      int length = readWhole(attributes.size());
      if (length > MAX_BYTES) {
        fail("grew past the limit of " + MAX_BYTES + " bytes while being read");
        return;
      }
      List<RegistryEntry> parsed = parser.parse(buffer, length, entries);
      entries = parsed;
      readVersion = version;
      status = new RegistryStatus(file.toString(), true, null, now, parsed.size());
      lastLoggedError = null;
    } catch (NoSuchFileException e) {
      fail("does not exist");
    } catch (AccessDeniedException e) {
      fail("cannot be read: permission denied");
    } catch (IOException e) {
      fail("cannot be read: " + e.getMessage());
    } catch (RegistryFormatException e) {
      fail(e.getMessage());
    }
  }

  /**
   * Reads the file into {@link #buffer}, sized for {@code expected} bytes and grown if the file
   * grew since; stops once past {@link #MAX_BYTES}.
   *
   * @return how many bytes were read
   */
  private int readWhole(long expected) throws IOException {
    if (buffer.length <= expected) {
      buffer = new byte[(int) expected + 1];
    }
    try (InputStream in = Files.newInputStream(file)) {
      int length = 0;
      int read;
      while (length <= MAX_BYTES && (read = in.read(buffer, length, buffer.length - length)) >= 0) {
        length += read;
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
      }
      return length;
    }
  }

  /** Keeps the last good entries and says what is wrong; logs each distinct problem once. */
  private void fail(String problem) {
    RegistryStatus before = status;
    status =
        new RegistryStatus(
            file.toString(), false, problem, before.lastGoodReadAt(), entries.size());
    if (!problem.equals(lastLoggedError)) {
      lastLoggedError = problem;
      LOG.warning(() -> "registry " + file + " " + problem + "; keeping the last good entries");
    }
  }

  /** What identifies one version of the file without reading it. */
  private record FileVersion(Object fileKey, long modifiedNanos, long size) {
    static FileVersion of(BasicFileAttributes attributes) {
      return new FileVersion(
          attributes.fileKey(),
          attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
          attributes.size());
    }
  }
}
