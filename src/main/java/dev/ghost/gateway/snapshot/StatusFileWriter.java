package dev.ghost.gateway.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes status.json so that a reader sees the old document or the new one, never a mix: the bytes
 * go to a temporary file in the same directory, are forced to disk, renamed over the target in one
 * step, and the directory is forced so the rename itself survives a power cut.
 *
 * <p>Only the snapshot thread calls {@link #write}; a failure is returned, never thrown, and each
 * distinct cause is logged once, so a full disk does not flood the log every tick.
 */
public final class StatusFileWriter {

  private static final Logger LOG = Logger.getLogger(StatusFileWriter.class.getName());
  private static final String TEMP_PREFIX = ".status-";
  private static final String TEMP_SUFFIX = ".tmp";

  private final Path target;
  private final Path directory;
  private String lastLoggedCause;

  public StatusFileWriter(Path target) {
    this.target = target.toAbsolutePath().normalize();
    this.directory = this.target.getParent();
  }

  public Path target() {
    return target;
  }

  /**
   * Creates the directory and removes temporary files a crash may have left behind.
   *
   * @return what went wrong, or empty
   */
  public Optional<String> prepare() {
    try {
      Files.createDirectories(directory);
      try (DirectoryStream<Path> leftovers =
          Files.newDirectoryStream(directory, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
        for (Path leftover : leftovers) {
          Files.deleteIfExists(leftover);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(failed(e));
    }
  }

  /**
   * Replaces the target with {@code bytes}.
   *
   * @return what went wrong, or empty when the new document is in place and durable
   */
  public Optional<String> write(byte[] bytes) {
    Path temp = null;
    try {
      // Not Files.createTempFile: its mode 0600 would make status.json unreadable to other users.
      temp = directory.resolve(TEMP_PREFIX + UUID.randomUUID() + TEMP_SUFFIX);
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      forceDirectory();
      if (lastLoggedCause != null) {
        LOG.info(() -> "status file " + target + " is written again");
        lastLoggedCause = null;
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      return Optional.of(failed(e));
    }
  }

  private String failed(Exception e) {
    String cause = describe(e);
    if (!cause.equals(lastLoggedCause)) {
      lastLoggedCause = cause;
      LOG.warning(() -> "cannot write status file " + target + ": " + cause);
    }
    return cause;
  }

  /** Forcing a directory is how a rename becomes durable on Linux; elsewhere it may not open. */
  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException notSupportedHere) {
      // The rename is still atomic; only its durability across a power cut is less certain.
    }
  }

  /**
   * The cause without the file it names: each write uses a new temporary file, so a message with
   * the file's name would be a new cause every tick and "once per cause" would log every tick.
   */
  private static String describe(Exception e) {
    String kind = e.getClass().getSimpleName();
    if (e instanceof FileSystemException fileError) {
      return fileError.getReason() == null ? kind : kind + ": " + fileError.getReason();
    }
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // Left for prepare() to sweep at the next start.
    }
  }
}
