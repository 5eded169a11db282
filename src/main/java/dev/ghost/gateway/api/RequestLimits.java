package dev.ghost.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Refuses requests too large to serve with a problem+json that names the limit, before anything
 * reads them. The HTTP server's own limits sit above these ({@code quarkus.http.limits.*}) and
 * answer with a bare status and no body, so they only stop requests far past any honest one; every
 * request between the two gets words a caller can act on.
 */
@Singleton
public class RequestLimits {

  /** The longest request line target (path and query) that is served. */
  static final int MAX_URI = 4 * 1024;

  /** The most header bytes (names and values) that are served. */
  static final int MAX_HEADERS = 16 * 1024;

  /** Before Quarkus's own body limit (order -2), which would answer first with an empty 413. */
  private static final int ORDER = -3;

  @Inject ObjectMapper json;

  void register(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  private void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (request.uri().length() > MAX_URI) {
      refuse(
          context,
          414,
          "the path and query are "
              + request.uri().length()
              + " characters; the limit is "
              + MAX_URI);
      return;
    }
    int headerBytes = headerBytes(request);
    if (headerBytes > MAX_HEADERS) {
      refuse(
          context, 431, "the headers are " + headerBytes + " bytes; the limit is " + MAX_HEADERS);
      return;
    }
    long declared = declaredLength(request);
    if (declared > JsonBodies.MAX_BYTES) {
      // Closed after the answer: the unread body would otherwise be taken as the next request.
      context.response().putHeader(HttpHeaders.CONNECTION, "close");
      refuse(
          context, 413, "the body is " + declared + " bytes; the limit is " + JsonBodies.MAX_BYTES);
      return;
    }
    context.next();
  }

  private void refuse(RoutingContext context, int status, String detail) {
    Problems.write(context.response(), json, status, detail, false);
  }

  private static int headerBytes(HttpServerRequest request) {
    int bytes = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      bytes += header.getKey().length() + header.getValue().length();
    }
    return bytes;
  }

  /** The Content-Length a client declared, or -1 for none (a chunked body is counted as read). */
  private static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
