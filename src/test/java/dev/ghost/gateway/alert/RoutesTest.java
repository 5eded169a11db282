package dev.ghost.gateway.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ghost.gateway.testsupport.Outboxes;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutesTest {

  private final Routes routes =
      new Routes(
          List.of(
              new Routes.Route("bridges", List.of(Glob.of("ghost-*")), List.of("ops-slack")),
              new Routes.Route(
                  "executors",
                  List.of(Glob.of("patch-executor"), Glob.of("*-exec-??")),
                  List.of("pager", "ops-slack"))),
          List.of("slack-webhook"));

  @ParameterizedTest(name = "{0} goes to {1}")
  @CsvSource({
    "ghost-bridge, ops-slack",
    "patch-executor, pager ops-slack",
    "build-exec-01, pager ops-slack",
    "build-exec-001, slack-webhook",
    "ghost, slack-webhook",
    "other, slack-webhook",
  })
  void daemonsGoToTheirRoutesOrTheDefault(String daemon, String channels) {
    assertEquals(List.of(channels.split(" ")), routes.channelsFor(Outboxes.down(daemon, "x")));
  }

  @ParameterizedTest(name = "glob {0} matches {1}: {2}")
  @CsvSource({
    "ghost-*, ghost-bridge, true",
    "ghost-*, ghost-, true",
    "ghost-*, xghost-bridge, false",
    "a.b, a.b, true",
    "a.b, axb, false",
    "?, a, true",
    "?, ab, false",
  })
  void globsMatchWholeNames(String glob, String name, boolean matches) {
    assertEquals(matches, Glob.of(glob).matches(name));
  }
}
