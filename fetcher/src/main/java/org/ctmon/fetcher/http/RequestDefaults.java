package org.ctmon.fetcher.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * The application interceptor of {@link HttpConfig#newClient()}: sets the {@code User-Agent} and
 * wraps every response body in a counting source that fails past the cap. It sits before OkHttp's
 * transparent gzip decoding, so the cap counts decoded bytes and a gzip bomb costs at most the cap.
 */
final class RequestDefaults implements Interceptor {
  private final String userAgent;
  private final long maxBodyBytes;

  RequestDefaults(String userAgent, long maxBodyBytes) {
    this.userAgent = userAgent;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    // A declared length over the cap is refused at once; a smaller or absent one is not trusted.
    if (body.contentLength() > maxBodyBytes) {
      response.close();
      throw new BodyTooLargeException(maxBodyBytes, body.contentLength());
    }
    return response.newBuilder().body(new CappedBody(body, maxBodyBytes)).build();
  }

  private static final class CappedBody extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;

    CappedBody(ResponseBody delegate, long cap) {
      this.delegate = delegate;
      this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
        private long total;

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          long n = super.read(sink, byteCount);
          if (n > 0) {
            total += n;
            if (total > cap) {
              throw new BodyTooLargeException(cap, -1);
            }
          }
          return n;
        }
      });
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
