package org.ctmon.fetcher.http;

import java.io.IOException;

/**
 * A response body longer than the configured cap, raised from inside OkHttp's reading (hence an
 * {@link IOException}); {@link LogEndpoint} turns it into a {@link LogResponseException}.
 */
final class BodyTooLargeException extends IOException {
  BodyTooLargeException(long cap, long declaredLength) {
    super(declaredLength >= 0
        ? "body of " + declaredLength + " bytes (content-length) exceeds the cap of " + cap + " bytes"
        : "body exceeds the cap of " + cap + " bytes");
  }
}
