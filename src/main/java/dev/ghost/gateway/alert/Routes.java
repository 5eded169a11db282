package dev.ghost.gateway.alert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which channels hear about which daemons. A daemon goes to the channels of every route whose
 * patterns match it, and to the default channels when none does; a start summary goes everywhere.
 */
public final class Routes {

  /** One rule: daemons matching any of {@code match} go to {@code channels}. */
  public record Route(String name, List<Glob> match, List<String> channels) {
    public Route {
      match = List.copyOf(match);
      channels = List.copyOf(channels);
    }

    boolean matches(String daemon) {
      return match.stream().anyMatch(glob -> glob.matches(daemon));
    }
  }

  private final List<Route> routes;
  private final List<String> defaults;
  private final List<String> all;

  public Routes(List<Route> routes, List<String> defaults) {
    this.routes = List.copyOf(routes);
    this.defaults = List.copyOf(defaults);
    Set<String> every = new LinkedHashSet<>(defaults);
    routes.forEach(route -> every.addAll(route.channels()));
    this.all = List.copyOf(every);
  }

  public List<String> channelsFor(Notification notification) {
    if (notification.daemon() == null) {
      return all;
    }
    String daemon = notification.daemon().value();
    Set<String> matched = new LinkedHashSet<>();
    for (Route route : routes) {
      if (route.matches(daemon)) {
        matched.addAll(route.channels());
      }
    }
    return matched.isEmpty() ? defaults : new ArrayList<>(matched);
  }
}
