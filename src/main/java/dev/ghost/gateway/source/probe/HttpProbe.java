package dev.ghost.gateway.source.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** An HTTP(S) request; UP when status, body, JSON value and latency all are as configured. */
public final class HttpProbe implements Probe {

  /** Bodies are read up to this size; a health answer larger than this is not a health answer. */
  static final int MAX_BODY = 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final URI url;
  private final String method;
  private final StatusExpectation expected;
  private final Optional<String> bodyContains;
  private final Optional<JsonCheck> jsonCheck;
  private final Duration timeout;
  private final Optional<Duration> maxLatency;

  /** A JSON pointer and the text its value must equal. */
  record JsonCheck(String pointer, String equals) {}

  HttpProbe(
      HttpClient client,
      URI url,
      String method,
      StatusExpectation expected,
      Optional<String> bodyContains,
      Optional<JsonCheck> jsonCheck,
      Duration timeout,
      Optional<Duration> maxLatency) {
    this.client = client;
    this.url = url;
    this.method = method;
    this.expected = expected;
    this.bodyContains = bodyContains;
    this.jsonCheck = jsonCheck;
    this.timeout = timeout;
    this.maxLatency = maxLatency;
  }

  @Override
  public String kind() {
    return "http";
  }

  @Override
  public ProbeOutcome run() {
    long started = System.nanoTime();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .method(method, HttpRequest.BodyPublishers.noBody())
              .timeout(timeout)
              .header("User-Agent", "ghost-gateway-probe")
              .build();
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String body = readBody(response);
      return judge(response.statusCode(), body, started);
    } catch (HttpConnectTimeoutException e) {
      return ProbeOutcome.down("connect timed out after " + timeout.toMillis() + " ms", started);
    } catch (HttpTimeoutException e) {
      return ProbeOutcome.down("no answer within " + timeout.toMillis() + " ms", started);
    } catch (ConnectException e) {
      return ProbeOutcome.down("connection refused", started);
    } catch (SSLException e) {
      return ProbeOutcome.down("TLS handshake failed: " + e.getMessage(), started);
    } catch (IOException e) {
      return ProbeOutcome.down("request failed: " + describe(e), started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeOutcome.down("interrupted", started);
    }
  }

  private String readBody(HttpResponse<InputStream> response) throws IOException {
    try (InputStream in = response.body()) {
      if (bodyContains.isEmpty() && jsonCheck.isEmpty()) {
        in.transferTo(OutputStreamSink.INSTANCE);
        return "";
      }
      return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    }
  }

  private ProbeOutcome judge(int status, String body, long started) {
    long millis = ProbeOutcome.millis(started);
    if (!expected.accepts(status)) {
      return ProbeOutcome.down("HTTP " + status + " in " + millis + " ms", started);
    }
    if (bodyContains.isPresent() && !body.contains(bodyContains.get())) {
      return ProbeOutcome.down("body lacks \"" + bodyContains.get() + "\"", started);
    }
    if (jsonCheck.isPresent()) {
      Optional<String> mismatch = jsonMismatch(body, jsonCheck.get());
      if (mismatch.isPresent()) {
        return ProbeOutcome.down(mismatch.get(), started);
      }
    }
    if (maxLatency.isPresent() && millis > maxLatency.get().toMillis()) {
      return ProbeOutcome.down(
          "HTTP "
              + status
              + " in "
              + millis
              + " ms, slower than "
              + maxLatency.get().toMillis()
              + " ms",
          started);
    }
    return ProbeOutcome.up("HTTP " + status + " in " + millis + " ms", started);
  }

  private static Optional<String> jsonMismatch(String body, JsonCheck check) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return Optional.of("body is not JSON");
    }
    JsonNode value = root == null ? null : root.at(check.pointer());
    if (value == null || value.isMissingNode()) {
      return Optional.of(check.pointer() + " is missing");
    }
    String actual = value.isValueNode() ? value.asText() : value.toString();
    if (actual.equals(check.equals())) {
      return Optional.empty();
    }
    return Optional.of(
        check.pointer() + " is \"" + shorten(actual) + "\", expected \"" + check.equals() + "\"");
  }

  private static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  /** The exception's words, without the URL: its query may carry a token. */
  private String describe(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replace(url.toString(), url.getScheme() + "://" + url.getAuthority());
  }

  /** Discards a body without buffering it. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
