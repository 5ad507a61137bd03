package org.ctmon.fetcher.rfc6962;

/**
 * Why a body is not the JSON the API promises; {@link Rfc6962Client} turns it into a {@link
 * org.ctmon.fetcher.http.LogResponseException} with the log, the request and the body.
 */
final class MalformedJsonException extends RuntimeException {
  MalformedJsonException(String reason) {
    super(reason, null, false, false);
  }
}
