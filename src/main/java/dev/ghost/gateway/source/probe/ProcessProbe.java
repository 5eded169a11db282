package dev.ghost.gateway.source.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** A process on this host, found by pidfile or by a pattern in its command line. */
public abstract sealed class ProcessProbe implements Probe {

  @Override
  public String kind() {
    return "process";
  }

  static ProcessProbe pidfile(Path pidfile) {
    return new Pidfile(pidfile);
  }

  static ProcessProbe commandPattern(Pattern pattern) {
    return new CommandPattern(pattern);
  }

  /** UP when the pid written in the file runs. */
  static final class Pidfile extends ProcessProbe {
    private final Path pidfile;

    Pidfile(Path pidfile) {
      this.pidfile = pidfile;
    }

    @Override
    public ProbeOutcome run() {
      long started = System.nanoTime();
      String content;
      try {
        content = Files.readString(pidfile, StandardCharsets.UTF_8).strip();
      } catch (NoSuchFileException e) {
        return ProbeOutcome.down("pidfile " + pidfile + " does not exist", started);
      } catch (IOException e) {
        return ProbeOutcome.down("pidfile " + pidfile + " cannot be read", started);
      }
      long pid;
      try {
        pid = Long.parseLong(content);
      } catch (NumberFormatException e) {
        return ProbeOutcome.down("pidfile " + pidfile + " holds no pid", started);
      }
      boolean runs = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return runs
          ? ProbeOutcome.up("pid " + pid + " runs", started)
          : ProbeOutcome.down("pid " + pid + " from " + pidfile + " is not running", started);
    }
  }

  /** UP when some process's command line contains a match of the pattern. */
  static final class CommandPattern extends ProcessProbe {
    private final Pattern pattern;

    CommandPattern(Pattern pattern) {
      this.pattern = pattern;
    }

    @Override
    public ProbeOutcome run() {
      long started = System.nanoTime();
      long self = ProcessHandle.current().pid();
      Optional<ProcessHandle> match =
          ProcessHandle.allProcesses()
              .filter(process -> process.pid() != self)
              .filter(
                  process ->
                      process
                          .info()
                          .commandLine()
                          .map(c -> pattern.matcher(c).find())
                          .orElse(false))
              .findFirst();
      return match
          .map(
              process ->
                  ProbeOutcome.up("pid " + process.pid() + " matches /" + pattern + "/", started))
          .orElseGet(() -> ProbeOutcome.down("no process matches /" + pattern + "/", started));
    }
  }
}
