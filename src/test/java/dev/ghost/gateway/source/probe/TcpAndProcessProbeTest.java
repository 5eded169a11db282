package dev.ghost.gateway.source.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.Configs;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TCP probes against real sockets, process probes against a real child process. */
class TcpAndProcessProbeTest {

  @TempDir Path dir;

  @Test
  void aListeningPortIsUpAndAClosedOneRefused() throws Exception {
    int closedPort;
    try (ServerSocket listening = new ServerSocket(0)) {
      closedPort = listening.getLocalPort();
      ProbeOutcome open = tcp(listening.getLocalPort()).run();
      assertTrue(open.up(), open.reason());
      assertTrue(open.reason().startsWith("TCP connect in "));
    }

    ProbeOutcome closed = tcp(closedPort).run();

    assertFalse(closed.up());
    assertEquals("connection refused", closed.reason());
  }

  @Test
  void aPidfileIsUpWhileItsProcessRunsAndDownOnceItIsKilled() throws Exception {
    Process child = new ProcessBuilder("sleep", "60").start();
    try {
      Path pidfile = Files.writeString(dir.resolve("worker.pid"), child.pid() + "\n");
      Probe probe =
          probe(Map.of("gateway.daemons.worker.probe.process.pidfile", pidfile.toString()));

      ProbeOutcome running = probe.run();
      child.destroyForcibly().waitFor();
      ProbeOutcome killed = probe.run();

      assertTrue(running.up(), running.reason());
      assertEquals("pid " + child.pid() + " runs", running.reason());
      assertFalse(killed.up());
      assertEquals("pid " + child.pid() + " from " + pidfile + " is not running", killed.reason());
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aMissingPidfileIsDown() {
    Path missing = dir.resolve("none.pid");
    ProbeOutcome outcome =
        probe(Map.of("gateway.daemons.worker.probe.process.pidfile", missing.toString())).run();

    assertFalse(outcome.up());
    assertEquals("pidfile " + missing + " does not exist", outcome.reason());
  }

  @Test
  void aCommandPatternFindsTheProcessAndMissesItOnceKilled() throws Exception {
    Process child = new ProcessBuilder("sleep", "61.5").start();
    try {
      Probe probe =
          probe(Map.of("gateway.daemons.worker.probe.process.command-pattern", "sleep 61\\.5"));

      ProbeOutcome running = probe.run();
      child.destroyForcibly().waitFor();
      ProbeOutcome killed = probe.run();

      assertTrue(running.up(), running.reason());
      assertEquals("pid " + child.pid() + " matches /sleep 61\\.5/", running.reason());
      assertFalse(killed.up());
      assertEquals("no process matches /sleep 61\\.5/", killed.reason());
    } finally {
      child.destroyForcibly();
    }
  }

  private static Probe tcp(int port) {
    return probe(
        Map.of(
            "gateway.daemons.db.probe.tcp.host", "127.0.0.1",
            "gateway.daemons.db.probe.tcp.port", Integer.toString(port),
            "gateway.daemons.db.probe.tcp.timeout", "1s"));
  }

  private static Probe probe(Map<String, String> properties) {
    return ProbeFactory.fromConfig(
            Configs.gateway(properties).daemons(),
            Duration.ofSeconds(15),
            HttpClient.newHttpClient())
        .get(0)
        .probe();
  }
}
