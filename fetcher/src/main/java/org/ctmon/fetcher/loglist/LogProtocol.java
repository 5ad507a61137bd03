package org.ctmon.fetcher.loglist;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * How a log is read, with the URLs that protocol needs: {@link Rfc6962} (one base URL for
 * {@code ct/v1/...}) or {@link StaticCt} (static-ct-api: a submission prefix and a monitoring
 * prefix for checkpoints and tiles).
 *
 * <p>Every URL is absolute http(s) without query or fragment and ends with {@code '/'}, so a path
 * is appended with plain string concatenation: {@code url + "ct/v1/get-sth"}.
 */
public sealed interface LogProtocol {

  /** The prefix a monitor reads from: the RFC 6962 base URL or the static-ct-api monitoring prefix. */
  URI monitoringUrl();

  /** An RFC 6962 log at {@code url}. */
  record Rfc6962(URI url) implements LogProtocol {
    public Rfc6962 {
      requireLogUrl(url, "url");
    }

    @Override
    public URI monitoringUrl() {
      return url;
    }
  }

  /** A static-ct-api (tiled) log. */
  record StaticCt(URI submissionUrl, URI monitoringUrl) implements LogProtocol {
    public StaticCt {
      requireLogUrl(submissionUrl, "submission_url");
      requireLogUrl(monitoringUrl, "monitoring_url");
    }

    /**
     * The log's checkpoint origin: the submission prefix without scheme and trailing slash
     * ({@code https://log.example/2026h1/} gives {@code log.example/2026h1}), the first line of
     * every checkpoint the log signs.
     */
    public String origin() {
      String s = submissionUrl.toString();
      return s.substring(s.indexOf("://") + 3, s.length() - 1);
    }
  }

  /**
   * Parses and normalizes a log URL from the list: trims it, lower-cases the scheme and adds the
   * missing trailing {@code '/'}; throws {@link IllegalArgumentException} naming {@code field} for
   * anything but an absolute http(s) URL with a host and without query or fragment.
   */
  static URI parseUrl(String field, String text) {
    String s = text.trim();
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(field + " \"" + text + "\" is not a url");
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
      throw new IllegalArgumentException(field + " \"" + text + "\" is not an http(s) url");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(field + " \"" + text + "\" has a query or fragment");
    }
    s = scheme.toLowerCase(Locale.ROOT) + s.substring(scheme.length());
    if (!s.endsWith("/")) {
      s += "/";
    }
    URI normalized = URI.create(s);
    requireLogUrl(normalized, field);
    return normalized;
  }

  private static void requireLogUrl(URI url, String field) {
    if (url == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    String scheme = url.getScheme();
    if (!("https".equals(scheme) || "http".equals(scheme))
        || url.getHost() == null
        || url.getRawQuery() != null
        || url.getRawFragment() != null
        || !url.getRawPath().endsWith("/")) {
      throw new IllegalArgumentException(
          field + " \"" + url + "\" is not an http(s) url with a host ending in '/'");
    }
  }
}
