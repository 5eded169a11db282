package dev.ghost.gateway.source.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** A TCP connect; UP when the port accepts within the timeout. */
public final class TcpProbe implements Probe {

  private final String host;
  private final int port;
  private final Duration timeout;

  TcpProbe(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
  }

  @Override
  public String kind() {
    return "tcp";
  }

  @Override
  public ProbeOutcome run() {
    long started = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return ProbeOutcome.up("TCP connect in " + ProbeOutcome.millis(started) + " ms", started);
    } catch (SocketTimeoutException e) {
      return ProbeOutcome.down("connect timed out after " + timeout.toMillis() + " ms", started);
    } catch (ConnectException e) {
      return ProbeOutcome.down("connection refused", started);
    } catch (UnknownHostException e) {
      return ProbeOutcome.down("cannot resolve " + host, started);
    } catch (IOException e) {
      return ProbeOutcome.down("connect failed: " + e.getMessage(), started);
    }
  }
}
