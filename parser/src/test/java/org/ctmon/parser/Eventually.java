package org.ctmon.parser;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Test support: waits for a condition by asking it again and again, up to a limit, instead of
 * sleeping a fixed time and hoping. In the parser's test-jar so every module's tests can use it.
 * The only sleep a test needs is the pause between two questions, and it lives here.
 */
public final class Eventually {
  private Eventually() {}

  /** A condition that may fail to be asked (an HTTP request, a query). */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  /**
   * Asks {@code condition} every {@code every} until it holds or {@code within} has passed.
   *
   * @return whether it held; the caller asserts, with its own message
   */
  public static boolean holds(Duration within, Duration every, Condition condition) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(every.toMillis());
    }
    return true;
  }

  /**
   * Asks {@code condition} every {@code every} until it holds; fails with {@code message} if it
   * still does not after {@code within}.
   */
  public static void await(Duration within, Duration every, Condition condition, Supplier<String> message)
      throws Exception {
    if (!holds(within, every, condition)) {
      throw new AssertionError(message.get());
    }
  }
}
