package dev.ghost.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.ThreadMXBean;
import dev.ghost.gateway.alert.AlertSettings;
import dev.ghost.gateway.alert.Routes;
import dev.ghost.gateway.domain.Freshness;
import dev.ghost.gateway.snapshot.SnapshotEngine;
import dev.ghost.gateway.snapshot.SourceReports;
import dev.ghost.gateway.snapshot.StatusFileWriter;
import dev.ghost.gateway.snapshot.StatusPublisher;
import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.source.DaemonThreads;
import dev.ghost.gateway.source.RegistryFileSource;
import dev.ghost.gateway.store.DeliveryReport;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.WalCheckpoints;
import dev.ghost.gateway.testsupport.Engines;
import dev.ghost.gateway.testsupport.SqliteStores;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The cost of one tick (collect from the registry file, assemble, diff, record, serialize, atomic
 * write) at N daemons, against a reference measured in the same run: the bare atomic write of the
 * same number of bytes. Each scenario is measured once the JIT has settled on its code (see {@link
 * Warmup}); the warm-up's own ticks are reported beside it. Run by bench/run.sh.
 */
public final class TickBenchmark {

  private TickBenchmark() {}

  public static void main(String[] args) throws Exception {
    int daemons = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Path dir = ScratchDirs.create("tick-bench");
    Path registry = dir.resolve("registry.json");
    long pid = ProcessHandle.current().pid();
    writeRegistry(registry, daemons, pid, -1);

    DataSource store = SqliteStores.pooled(dir.resolve("gateway.db"));
    WalCheckpoints checkpoints = new WalCheckpoints(store);
    ScheduledExecutorService checkpointing =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("wal-checkpoint"));
    checkpointing.scheduleWithFixedDelay(
        () -> {
          try {
            checkpoints.checkpoint();
          } catch (SQLException e) {
            System.err.println("checkpoint failed: " + e);
          }
        },
        WalCheckpoints.INTERVAL.toMillis(),
        WalCheckpoints.INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    RegistryFileSource source =
        new RegistryFileSource(
            registry, Duration.ofSeconds(60), RegistryFileSource::runningProcesses, () -> {});
    StatusFileWriter writer = new StatusFileWriter(dir.resolve("status.json"));
    SnapshotEngine engine =
        new SnapshotEngine(
            Clock.systemUTC(),
            new SnapshotEngine.Settings(new Freshness(Duration.ofSeconds(15)), "bench", dir, 20),
            new SnapshotEngine.Inputs(
                List.of(source),
                List.of(),
                () -> new SourceReports(source.status(), Map.of()),
                () -> DeliveryReport.NONE,
                () -> null),
            new SnapshotEngine.Outputs(
                new EventLog(store),
                new StatusPublisher(),
                writer,
                events -> {},
                new ObjectMapper(),
                connection -> {}),
            Engines.alerts(
                store, AlertSettings.defaults(Set.of()), new Routes(List.of(), List.of())));
    engine.resume();
    engine.take();

    System.out.printf("tick benchmark: %d daemons, %d ticks per scenario%n", daemons, ticks);
    Ticks unchanged = run(engine, registry, daemons, pid, ticks, Registry.UNCHANGED);
    Ticks steady = run(engine, registry, daemons, pid, ticks, Registry.REWRITTEN);
    Ticks churn = run(engine, registry, daemons, pid, ticks, Registry.CHURNING);
    long[] reference =
        referenceWrites(writer, Files.readAllBytes(dir.resolve("status.json")), ticks);
    System.out.printf("status.json size: %d bytes%n", Files.size(dir.resolve("status.json")));
    unchanged.report("tick, registry file unchanged", reference);
    steady.report("tick, registry rewritten, no change", reference);
    churn.report("tick, registry rewritten, 1% of daemons flip", reference);
    Percentiles.report("reference: atomic write of the same bytes", reference, reference);
  }

  /** What the orchestrator does to the registry between two ticks. */
  private enum Registry {
    UNCHANGED,
    REWRITTEN,
    CHURNING
  }

  /**
   * One scenario's ticks once the compiler has settled on its code, the bytes they allocated
   * (unlike a duration, that figure is the same on a quiet machine and a noisy one, and it is what
   * sets how often the collector pauses a tick), and the warm-up's ticks before them.
   */
  private record Ticks(long[] nanos, long allocatedBytes, long compilingMillis, Warmup warmup) {

    void report(String name, long[] reference) {
      Percentiles.report(name, nanos, reference);
      System.out.printf(
          "%-48s %.2f MB allocated a tick; the compilers worked %d ms meanwhile%n",
          "", allocatedBytes / 1e6 / nanos.length, compilingMillis);
      Percentiles.report(
          "  before: " + warmup.describe(),
          Arrays.copyOf(warmup.nanos(), warmup.count()),
          reference);
    }
  }

  /**
   * The ticks run before measuring, while the JIT compiles what the scenario's data makes hot: with
   * 1% of the daemons flipping, C2 still compiled for ~1.9 s of CPU in ticks 100-200 and 0.4-0.5 s
   * in each of the next two hundred, on one of two cores, then next to nothing. A fixed warm-up of
   * 60 ticks measured the compiler as much as the tick.
   *
   * @param nanos the warm-up ticks' durations, the first {@code count} of them
   * @param settled whether the compilers had settled, rather than the cap ending the warm-up
   */
  private record Warmup(long[] nanos, int count, boolean settled) {

    String describe() {
      String why =
          !COMPILERS_TIMED
              ? " (this JVM does not time its compilers)"
              : settled ? "" : ", the compiler still busy at the cap";
      return count + " ticks of warm-up" + why;
    }
  }

  /**
   * Warm-up ticks are counted in blocks of at least this many ticks and this long: by time too, so
   * that a small fleet's short ticks are not judged on a moment's compiling.
   */
  private static final int BLOCK_TICKS = 50;

  private static final long BLOCK_NANOS = 1_000_000_000L;

  /** A block is quiet when the compilers worked at most this share of its wall time. */
  private static final double QUIET_SHARE = 0.02;

  /** Quiet blocks in a row that end the warm-up: one alone may be a pause between compilations. */
  private static final int QUIET_BLOCKS = 2;

  /** The longest warm-up, in nanoseconds; a JVM compiling for longer is reported as such. */
  private static final long MAX_WARMUP_NANOS = 60_000_000_000L;

  private static final CompilationMXBean COMPILERS = ManagementFactory.getCompilationMXBean();

  private static final boolean COMPILERS_TIMED =
      COMPILERS != null && COMPILERS.isCompilationTimeMonitoringSupported();

  private static Ticks run(
      SnapshotEngine engine, Path registry, int daemons, long pid, int ticks, Registry registryMode)
      throws IOException {
    Scenario scenario = new Scenario(engine, registry, daemons, pid, registryMode);
    Warmup warmup = scenario.warmUp(Math.max(20, ticks / 5));
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long compilingBefore = compilingMillis();
    long[] nanos = new long[ticks];
    long allocated = 0;
    for (int i = 0; i < ticks; i++) {
      long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
      nanos[i] = scenario.tick(warmup.count() + i);
      allocated += threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    }
    return new Ticks(nanos, allocated, compilingMillis() - compilingBefore, warmup);
  }

  /**
   * Milliseconds all compiler threads have worked so far, or 0 where the JVM does not tell (every
   * block then counts as quiet: the warm-up is two blocks, or the minimum when that is longer).
   */
  private static long compilingMillis() {
    return COMPILERS_TIMED ? COMPILERS.getTotalCompilationTime() : 0;
  }

  /** Ticks of one scenario: the registry written as the scenario says, then one tick taken. */
  private record Scenario(
      SnapshotEngine engine, Path registry, int daemons, long pid, Registry registryMode) {

    /** The duration of the scenario's tick number {@code round}, counted from 0. */
    long tick(int round) throws IOException {
      if (registryMode != Registry.UNCHANGED) {
        writeRegistry(registry, daemons, pid, registryMode == Registry.CHURNING ? round : -1);
      }
      TickResult result = engine.take();
      if (result.storeError().isPresent() || result.writeError().isPresent()) {
        throw new IllegalStateException("tick failed: " + result);
      }
      return result.nanos();
    }

    /**
     * Ticks in blocks until {@link #QUIET_BLOCKS} blocks in a row had the compilers working at most
     * {@link #QUIET_SHARE} of their time, after at least {@code minimum} ticks; at most {@link
     * #MAX_WARMUP_NANOS}.
     */
    Warmup warmUp(int minimum) throws IOException {
      long[] nanos = new long[1024];
      int count = 0;
      int quiet = 0;
      long warmupStarted = System.nanoTime();
      while ((quiet < QUIET_BLOCKS || count < minimum)
          && System.nanoTime() - warmupStarted < MAX_WARMUP_NANOS) {
        long compilingBefore = compilingMillis();
        long started = System.nanoTime();
        int ticksBefore = count;
        while (count - ticksBefore < BLOCK_TICKS || System.nanoTime() - started < BLOCK_NANOS) {
          if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
          }
          nanos[count] = tick(count);
          count++;
        }
        double compiled = (compilingMillis() - compilingBefore) * 1e6;
        quiet = compiled <= QUIET_SHARE * (System.nanoTime() - started) ? quiet + 1 : 0;
      }
      return new Warmup(nanos, count, quiet >= QUIET_BLOCKS && count >= minimum);
    }
  }

  private static long[] referenceWrites(StatusFileWriter writer, byte[] bytes, int count) {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      writer.write(bytes);
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  private static final byte[] DAEMON = "\"daemon-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ALIVE_TRUE =
      "\":{\"alive\":true,\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ALIVE_FALSE =
      "\":{\"alive\":false,\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PID = "\",\"pid\":".getBytes(StandardCharsets.US_ASCII);
  private static final Ascii REGISTRY = new Ascii();

  /**
   * Writes the registry with fresh timestamps. With {@code round >= 0}, a different 1% of the
   * daemons is dead in each round, so every tick has transitions both ways. The orchestrator is
   * another process: its bytes are built in one kept array, so that its garbage does not add to the
   * gateway's collections measured here.
   */
  private static void writeRegistry(Path registry, int daemons, long pid, int round)
      throws IOException {
    Ascii json = REGISTRY.clear();
    byte[] now = Instant.now().toString().getBytes(StandardCharsets.US_ASCII);
    byte[] pidText = Long.toString(pid).getBytes(StandardCharsets.US_ASCII);
    json.append('{');
    int stride = 100;
    for (int i = 0; i < daemons; i++) {
      boolean alive = round < 0 || Math.floorMod(i - round, stride) != 0;
      if (i > 0) {
        json.append(',');
      }
      json.append(DAEMON).append(i).append(alive ? ALIVE_TRUE : ALIVE_FALSE).append(now);
      json.append(PID).append(pidText).append('}');
    }
    json.append('}');
    Path temp = registry.resolveSibling("registry.json.tmp");
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(json.bytes, 0, json.length);
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
    Files.move(temp, registry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** A growing array of ASCII bytes, kept from one registry to the next. */
  private static final class Ascii {
    private byte[] bytes = new byte[1 << 20];
    private int length;

    Ascii clear() {
      length = 0;
      return this;
    }

    Ascii append(byte[] part) {
      ensure(part.length);
      System.arraycopy(part, 0, bytes, length, part.length);
      length += part.length;
      return this;
    }

    Ascii append(char c) {
      ensure(1);
      bytes[length++] = (byte) c;
      return this;
    }

    Ascii append(int number) {
      ensure(11);
      int digits = 1;
      for (int rest = number / 10; rest > 0; rest /= 10) {
        digits++;
      }
      for (int i = length + digits - 1, rest = number; i >= length; i--, rest /= 10) {
        bytes[i] = (byte) ('0' + rest % 10);
      }
      length += digits;
      return this;
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }
}
