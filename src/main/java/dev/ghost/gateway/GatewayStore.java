package dev.ghost.gateway;

import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.config.StoreSwitch;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store this gateway runs on, whichever it is: PostgreSQL when {@link StoreSwitch} turned it
 * on, else the SQLite file in the data dir. Every store class gets its data source from here, so no
 * class but this one knows there are two.
 *
 * @param jdbcUrl the active data source's URL, for messages about the store (a PostgreSQL URL
 *     carries no password: the password is a property of its own)
 */
public record GatewayStore(DataSource dataSource, String jdbcUrl, boolean shared) {

  /** Makes the one store; the inactive data source is never touched. */
  @Singleton
  static final class Producer {

    @Produces
    @Singleton
    GatewayStore store(
        GatewayConfig config,
        @ConfigProperty(name = "quarkus.datasource.jdbc.url") String sqliteUrl,
        @ConfigProperty(name = "quarkus.datasource." + StoreSwitch.POSTGRESQL + ".jdbc.url")
            Optional<String> postgresUrl,
        @Any Instance<DataSource> dataSources) {
      if (StoreSwitch.POSTGRESQL.equals(config.store().kind())) {
        return new GatewayStore(
            dataSources.select(new DataSourceLiteral(StoreSwitch.POSTGRESQL)).get(),
            postgresUrl.orElse(""),
            true);
      }
      return new GatewayStore(dataSources.select(Default.Literal.INSTANCE).get(), sqliteUrl, false);
    }
  }
}
