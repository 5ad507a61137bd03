package org.ctmon.web.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Public search answers kept for a second, so a popular query asked by many clients at once is
 * computed once: concurrent identical requests wait for the first one's answer instead of each
 * reading the same thousands of rows. A second is short next to how often a log publishes, so a
 * search is at most a second behind what is stored. Bounded by bytes; thread safe.
 */
public final class RecentAnswers {
  /** How long an answer is served again. */
  public static final Duration KEEP = Duration.ofSeconds(1);
  private static final long MAX_CHARS = 32L * 1024 * 1024;

  /** One answer: its JSON body and the headers that go with it. */
  public record Answer(String json, Map<String, String> headers) {}

  private final Cache<String, Answer> answers = Caffeine.newBuilder()
      .expireAfterWrite(KEEP)
      .maximumWeight(MAX_CHARS)
      .weigher((String k, Answer a) -> k.length() + a.json().length())
      .build();

  /**
   * Sends the answer to {@code ctx}'s path and query, computed by {@code compute} unless a second-old
   * one is kept. Call after validating the request: only answers worth repeating belong here.
   */
  public void send(Context ctx, Supplier<Answer> compute) {
    Answer a = answers.get(key(ctx), k -> compute.get());
    a.headers().forEach(ctx::header);
    ctx.contentType("application/json").result(a.json());
  }

  private static String key(Context ctx) {
    StringBuilder b = new StringBuilder(ctx.path()).append('?');
    new TreeMap<>(ctx.queryParamMap()).forEach((k, v) -> b.append(k).append('=').append(v).append('&'));
    return b.toString();
  }
}
