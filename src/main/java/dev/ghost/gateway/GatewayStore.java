package dev.ghost.gateway;

import com.zaxxer.hikari.HikariDataSource;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.config.StoreSwitch;
import dev.ghost.gateway.store.SqlitePool;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store this gateway runs on, whichever it is: PostgreSQL (Quarkus's data source) when {@link
 * StoreSwitch} turned it on, else the SQLite file in the data dir ({@link SqlitePool}). Every store
 * class gets its data source from here, so no class but this one knows there are two.
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
        @ConfigProperty(name = "quarkus.datasource." + StoreSwitch.POSTGRESQL + ".jdbc.url")
            Optional<String> postgresUrl,
        @Any Instance<DataSource> dataSources) {
      if (StoreSwitch.POSTGRESQL.equals(config.store().kind())) {
        return new GatewayStore(
            dataSources.select(new DataSourceLiteral(StoreSwitch.POSTGRESQL)).get(),
            postgresUrl.orElse(""),
            true);
      }
      return new GatewayStore(
          SqlitePool.open(config.storeFile()), SqlitePool.url(config.storeFile()), false);
    }

    /** The SQLite pool is the gateway's own; Quarkus closes the PostgreSQL data source itself. */
    void close(@Disposes GatewayStore store) {
      if (store.dataSource() instanceof HikariDataSource pool) {
        pool.close();
      }
    }
  }
}
