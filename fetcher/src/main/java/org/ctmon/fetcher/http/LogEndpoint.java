package org.ctmon.fetcher.http;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * One log's HTTP prefix: GETs a path below it in one attempt and returns the body of a 200, or
 * throws a {@link LogFetchException} naming the log, the request and what went wrong.
 *
 * <p>Use an {@link OkHttpClient} from {@link HttpConfig#newClient()}: the body cap and the
 * User-Agent come from it. Thread-safe; never sleeps, never retries. The clock only dates an
 * HTTP-date {@code Retry-After} when the response has no {@code Date} header.
 */
public final class LogEndpoint {
  private static final int EXCERPT_BYTES = 512;

  private final OkHttpClient client;
  private final URI baseUrl;
  private final Clock clock;

  /**
   * @param baseUrl absolute http(s) URL ending in {@code '/'}, as {@code LogProtocol} gives them
   */
  public LogEndpoint(OkHttpClient client, URI baseUrl, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!baseUrl.isAbsolute() || !baseUrl.getRawPath().endsWith("/") || HttpUrl.parse(baseUrl.toString()) == null) {
      throw new IllegalArgumentException("log url " + baseUrl + " is not an absolute http(s) url ending in '/'");
    }
  }

  /** The log's prefix. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * GETs {@code baseUrl + path} ({@code path} relative, already escaped, with its query if any).
   *
   * @param request what is asked, for messages: {@code entries 1000-1255}
   * @return the whole body (gzip already decoded if the log sent {@code Content-Encoding: gzip})
   * @throws LogHttpException for any status but 200
   * @throws LogTransportException when no complete response arrived
   * @throws LogResponseException when the body exceeds the client's cap
   */
  public byte[] get(String path, String request) {
    Request req = new Request.Builder().url(baseUrl + path).get().build();
    try (Response response = client.newCall(req).execute()) {
      ResponseBody body = response.body();
      if (response.code() != 200) {
        String excerpt = errorExcerpt(body);
        Optional<Duration> retryAfter =
            RetryAfter.parse(response.header("Retry-After"), response.header("Date"), clock.instant());
        throw new LogHttpException(baseUrl, request, response.code(), retryAfter, excerpt);
      }
      if (body == null) {
        throw new LogResponseException(baseUrl, request, "no body", new byte[0]);
      }
      return body.bytes();
    } catch (BodyTooLargeException e) {
      throw LogResponseException.overCap(baseUrl, request, e.getMessage());
    } catch (IOException e) {
      throw new LogTransportException(baseUrl, request, e);
    }
  }

  /** The escaped start of an error body; empty if there is none or it cannot be read. */
  private static String errorExcerpt(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try {
      BufferedSource source = body.source();
      source.request(EXCERPT_BYTES); // buffers that many bytes, or the whole body if shorter
      Buffer buffered = source.getBuffer();
      return BodyExcerpt.of(buffered.readByteArray(Math.min(EXCERPT_BYTES, buffered.size())));
    } catch (IOException e) {
      return "";
    }
  }
}
