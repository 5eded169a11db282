package dev.ghost.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;

/** More writes that must commit or roll back together with a snapshot's events. */
@FunctionalInterface
public interface InTransaction {

  void write(Connection connection) throws SQLException;
}
