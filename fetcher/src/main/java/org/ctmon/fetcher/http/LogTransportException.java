package org.ctmon.fetcher.http;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * A request got no complete answer: the connection was refused or reset, TLS failed, a timeout
 * fired, the body ended early. Always retryable; the cause is the {@link IOException}.
 */
public final class LogTransportException extends LogFetchException {
  public LogTransportException(URI logUrl, String request, IOException cause) {
    super(logUrl, request, describe(cause), cause);
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName()
        .replaceAll("Exception$", "")
        .replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase(Locale.ROOT);
    return kind + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
