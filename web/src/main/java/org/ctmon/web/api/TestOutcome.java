package org.ctmon.web.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ctmon.alerts.delivery.DeliveryResult;

/**
 * The answer to a "send test": 200 {@code {"delivered": true}}, or 502 with the receiver's error
 * (the target, not ctmon, failed), or 503 when this server cannot send tests.
 */
final class TestOutcome {
  private TestOutcome() {}

  static void send(Context ctx, DeliveryResult r, String target) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r instanceof DeliveryResult.Delivered) {
      m.put("delivered", true);
      ctx.json(m);
      return;
    }
    String error;
    if (r instanceof DeliveryResult.RetryAt retry) {
      error = retry.error();
    } else if (r instanceof DeliveryResult.GaveUp gaveUp) {
      error = gaveUp.error();
    } else {
      throw new AssertionError("unknown delivery result " + r);
    }
    m.put("error", "test delivery to " + target + " failed: " + error);
    m.put("delivered", false);
    ctx.status(HttpStatus.BAD_GATEWAY).json(m);
  }

  static RequestRejected unavailable() {
    return new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "this server does not send test deliveries");
  }
}
