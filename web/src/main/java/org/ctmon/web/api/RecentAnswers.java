package org.ctmon.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Public search answers kept for a moment, so a popular query asked by many clients at once is
 * computed once: concurrent identical requests wait for the first one's answer instead of each
 * reading the same thousands of rows. An answer asked for again after {@link #FRESH} is searched
 * again in the background while the kept one is still served, and none is served after
 * {@link #KEEP}: a search is at most two seconds behind what is stored, and a popular one never
 * makes its askers wait for the search. Searches run in turns ({@link SearchSlots}), shared by
 * every instance: they read one database on the same cores. Bounded by characters; thread safe.
 */
public final class RecentAnswers {
  /** How long an answer is served without searching again. */
  public static final Duration FRESH = Duration.ofSeconds(1);
  /** How long an answer may be served at all. */
  public static final Duration KEEP = Duration.ofSeconds(2);
  private static final long MAX_CHARS = 32L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SearchSlots SLOTS = SearchSlots.forThisMachine();

  /**
   * One answer: its JSON body, the headers that go with it, and how to search for it again (it must
   * not use the request it was first made for).
   */
  public record Answer(String json, Map<String, String> headers, Supplier<Answer> again) {}

  private final ThreadLocal<Supplier<Answer>> first = new ThreadLocal<>();
  private final LoadingCache<String, Answer> answers;

  /** Answers kept by the system's nanosecond clock. */
  public RecentAnswers() {
    this(Ticker.systemTicker());
  }

  /** Answers kept by {@code ticker}, so tests can let time pass instead of waiting for it. */
  RecentAnswers(Ticker ticker) {
    answers = Caffeine.newBuilder()
        .ticker(ticker)
        .refreshAfterWrite(FRESH)
        .expireAfterWrite(KEEP)
        .maximumWeight(MAX_CHARS)
        .weigher((String k, Answer a) -> k.length() + a.json().length())
        .build(new CacheLoader<>() {
          @Override
          public Answer load(String key) {
            return SLOTS.run(first.get());
          }

          @Override
          public Answer reload(String key, Answer old) {
            return SLOTS.run(old.again());
          }
        });
  }

  /**
   * Sends the answer to {@code ctx}'s path and query, searched by {@code search} unless a recent one
   * is kept. Call after validating the request: only answers worth repeating belong here.
   */
  public void send(Context ctx, Supplier<Answer> search) {
    first.set(search);
    Answer a;
    try {
      a = answers.get(key(ctx));
    } catch (SearchSlots.Busy busy) {
      ctx.status(503).header("Retry-After", "1").json(Map.of("error", busy.getMessage()));
      return;
    } finally {
      first.remove();
    }
    a.headers().forEach(ctx::header);
    ctx.contentType("application/json").result(a.json());
  }

  /** {@code value} as the web server writes JSON (searched again off any request, so not through one). */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a search answer as JSON: " + e.getMessage(), e);
    }
  }

  private static String key(Context ctx) {
    StringBuilder b = new StringBuilder(ctx.path()).append('?');
    new TreeMap<>(ctx.queryParamMap()).forEach((k, v) -> b.append(k).append('=').append(v).append('&'));
    return b.toString();
  }
}
