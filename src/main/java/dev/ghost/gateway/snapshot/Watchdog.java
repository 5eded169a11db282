package dev.ghost.gateway.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A dead man's switch: after every tick the store recorded, one ping to a URL outside (a
 * Healthchecks check, say), which raises its own alarm when the pings stop because the gateway, its
 * machine or its network died. A tick that could not record is not a healthy tick, so it is not
 * pinged. Pings go out on OkHttp's own threads, one at a time: a slow watchdog never holds up a
 * tick, and a tick that finds a ping still in flight skips its own. Failures are counted and logged
 * once per cause (and once when pings get through again); the URL, which holds the check's secret
 * id, is never logged.
 */
public final class Watchdog implements Consumer<TickResult> {

  private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());

  private final String url;
  private final String method;
  private final OkHttpClient client;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private final Counter pings;
  private final Counter failures;
  private volatile String lastFailure;

  public Watchdog(String url, String method, Duration timeout, MeterRegistry meters) {
    this.url = url;
    this.method = method.toUpperCase(Locale.ROOT);
    this.client = new OkHttpClient.Builder().callTimeout(timeout).build();
    this.pings =
        Counter.builder("gateway.watchdog.pings")
            .description("Pings the watchdog URL answered with 2xx")
            .register(meters);
    this.failures =
        Counter.builder("gateway.watchdog.failures")
            .description("Pings of the watchdog URL that failed or were refused")
            .register(meters);
  }

  @Override
  public void accept(TickResult result) {
    if (result.storeError().isPresent() || !inFlight.compareAndSet(false, true)) {
      return;
    }
    Request request =
        new Request.Builder()
            .url(url)
            .method(method, method.equals("POST") ? RequestBody.create(new byte[0]) : null)
            .build();
    client.newCall(request).enqueue(new Answer());
  }

  private final class Answer implements Callback {
    @Override
    public void onResponse(Call call, Response response) {
      try (response) {
        if (response.isSuccessful()) {
          pings.increment();
          if (lastFailure != null) {
            LOG.info("the watchdog is pinged again");
            lastFailure = null;
          }
        } else {
          failed("HTTP " + response.code());
        }
      } finally {
        inFlight.set(false);
      }
    }

    @Override
    public void onFailure(Call call, IOException e) {
      try {
        failed(e.getClass().getSimpleName());
      } finally {
        inFlight.set(false);
      }
    }
  }

  private void failed(String cause) {
    failures.increment();
    if (!cause.equals(lastFailure)) {
      lastFailure = cause;
      LOG.warning(
          "cannot ping the watchdog (" + cause + "); it will raise its alarm if this lasts");
    }
  }
}
