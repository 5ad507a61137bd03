package org.ctmon.store;

import org.ctmon.parser.CtmonException;

/** A store operation could not be done: the database refused it or the data contradicts it. */
public class StoreException extends CtmonException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
