package dev.ghost.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One setting switches the store; without it nothing changes. */
class StoreSwitchTest {

  @Test
  void noSettingKeepsSqlite() {
    assertTrue(StoreSwitch.postgres(null, null, null, null).isEmpty());
    assertTrue(StoreSwitch.postgres(" ", null, null, "mysql://u:p@db/x").isEmpty());
  }

  @Test
  void aJdbcUrlWithItsUserAndPasswordSwitchesToPostgres() {
    Map<String, String> properties =
        StoreSwitch.postgres("jdbc:postgresql://db:5432/ghost", "ghost", "s3cret", null).get();
    assertEquals(
        "jdbc:postgresql://db:5432/ghost",
        properties.get("quarkus.datasource.postgresql.jdbc.url"));
    assertEquals("ghost", properties.get("quarkus.datasource.postgresql.username"));
    assertEquals("s3cret", properties.get("quarkus.datasource.postgresql.password"));
    assertEquals("true", properties.get("quarkus.datasource.postgresql.active"));
    assertFalse(
        properties.containsKey("quarkus.datasource.active"), "there is no SQLite datasource");
    assertEquals("postgresql", properties.get("gateway.store.kind"));
  }

  @Test
  void flysDatabaseUrlIsReadAsFlySetsIt() {
    Map<String, String> properties =
        StoreSwitch.postgres(
                null,
                null,
                null,
                "postgres://ghost_app:p%40ss%3Aword@ghost-db.flycast:5432/ghost_app?sslmode=disable")
            .get();
    assertEquals(
        "jdbc:postgresql://ghost-db.flycast:5432/ghost_app?sslmode=disable",
        properties.get("quarkus.datasource.postgresql.jdbc.url"));
    assertEquals("ghost_app", properties.get("quarkus.datasource.postgresql.username"));
    assertEquals("p@ss:word", properties.get("quarkus.datasource.postgresql.password"));
  }
}
