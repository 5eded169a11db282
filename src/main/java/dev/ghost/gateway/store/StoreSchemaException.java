package dev.ghost.gateway.store;

import java.sql.SQLException;

/** A store whose schema this gateway must not continue; the message says why and what to do. */
public final class StoreSchemaException extends SQLException {

  StoreSchemaException(String message) {
    super(message);
  }
}
