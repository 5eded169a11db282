package dev.ghost.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aReaderParsingInALoopNeverSeesAPartialDocument() throws Exception {
    Path target = dir.resolve("status.json");
    StatusFileWriter writer = new StatusFileWriter(target);
    writer.prepare();
    writer.write(document(0));
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    AtomicReference<String> torn = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              long lastSeen = -1;
              while (writing.get() && torn.get() == null) {
                try {
                  JsonNode node = JSON.readTree(Files.readAllBytes(target));
                  long sequence = node.get("sequence").asLong();
                  if (node.get("daemons").size() != 200 || sequence < lastSeen) {
                    torn.set("read an inconsistent document at sequence " + sequence);
                  }
                  lastSeen = sequence;
                  reads.incrementAndGet();
                } catch (IOException e) {
                  torn.set("read failed: " + e);
                }
              }
            });
    reader.start();

    for (int i = 1; i <= 3000; i++) {
      assertEquals(Optional.empty(), writer.write(document(i)));
    }
    writing.set(false);
    reader.join();

    assertEquals(null, torn.get());
    assertTrue(reads.get() > 100, "the reader read only " + reads.get() + " times");
    assertEquals(3000, JSON.readTree(target.toFile()).get("sequence").asLong());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "temporary files were left behind");
    }
  }

  @Test
  void aFailedWriteIsReportedNotThrownAndTheNextGoodWriteRecovers() throws IOException {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a file where a directory should be");
    StatusFileWriter writer = new StatusFileWriter(blocker.resolve("status.json"));

    Optional<String> failure = writer.write(document(1));

    assertTrue(failure.isPresent());
    Files.delete(blocker);
    Files.createDirectory(blocker);
    assertEquals(Optional.empty(), writer.write(document(2)));
    assertEquals(
        2, JSON.readTree(blocker.resolve("status.json").toFile()).get("sequence").asLong());
  }

  /** Each write tries a new temporary file; the cause must not name it, or it is new each tick. */
  @Test
  void aLastingFailureIsTheSameCauseAtEveryWrite() {
    StatusFileWriter writer = new StatusFileWriter(Path.of("/proc/ghost-gateway/status.json"));

    String first = writer.write(document(1)).orElseThrow();
    String second = writer.write(document(2)).orElseThrow();

    assertEquals(first, second);
    assertFalse(first.contains(".status-"), first);
  }

  @Test
  void prepareCreatesTheDirectoryAndSweepsLeftoverTempFiles() throws IOException {
    Path nested = dir.resolve("a/b");
    StatusFileWriter writer = new StatusFileWriter(nested.resolve("status.json"));
    assertEquals(Optional.empty(), writer.prepare());
    Path leftover = Files.writeString(nested.resolve(".status-crashed.tmp"), "{");

    writer.prepare();

    assertTrue(Files.notExists(leftover));
    try {
      Files.readAllBytes(nested.resolve("status.json"));
    } catch (NoSuchFileException expected) {
      return;
    }
    throw new AssertionError("prepare must not create status.json itself");
  }

  private static byte[] document(long sequence) {
    StringBuilder json =
        new StringBuilder("{\"sequence\":").append(sequence).append(",\"daemons\":{");
    for (int i = 0; i < 200; i++) {
      json.append(i == 0 ? "" : ",")
          .append("\"daemon-")
          .append(i)
          .append("\":{\"alive\":true,\"reason\":\"")
          .append("x".repeat(40))
          .append("\"}");
    }
    return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
