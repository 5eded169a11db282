package dev.ghost.gateway.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code GET /q/openapi}: the {@link ApiDocument}, open to anyone (an assistant imports it before
 * it has a token), where Quarkus's OpenAPI extension served it and with its choice of form: YAML
 * unless the path ends in {@code .json}, {@code ?format=json} or the client accepts JSON.
 */
@ApplicationScoped
public class ApiDocumentRoute {

  static final String PATH = "/q/openapi";
  private static final String JSON = "application/json;charset=UTF-8";
  private static final String YAML = "application/yaml;charset=UTF-8";

  @Inject ApiDocument document;

  void register(@Observes Router router) {
    for (String path : List.of(PATH, PATH + ".json", PATH + ".yaml", PATH + ".yml")) {
      router.get(path).handler(this::serve);
      router.head(path).handler(this::serve);
    }
  }

  private void serve(RoutingContext context) {
    boolean asJson =
        wantsJson(
            context.normalizedPath(),
            context.queryParams().get("format"),
            context.request().getHeader(HttpHeaders.ACCEPT));
    context
        .response()
        .putHeader(HttpHeaders.CONTENT_TYPE, asJson ? JSON : YAML)
        .end(Buffer.buffer(asJson ? document.json() : document.yaml()));
  }

  /** The path's ending decides, then the format parameter, then the Accept header; else YAML. */
  static boolean wantsJson(String path, String format, String accept) {
    if (path.endsWith(".json")) {
      return true;
    }
    if (path.endsWith(".yaml") || path.endsWith(".yml")) {
      return false;
    }
    if (format != null) {
      return format.equalsIgnoreCase("json");
    }
    return accept != null && accept.contains("application/json");
  }
}
