package org.ctmon.web.serve;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.http.HttpConfig;
import org.ctmon.web.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one HTTP client every log follower shares, built from {@code fetch.*}. */
final class HttpClients {
  private static final Logger LOG = LoggerFactory.getLogger(HttpClients.class);

  private HttpClients() {}

  static OkHttpClient forLogs(Config.Fetch fetch) {
    HttpConfig http = HttpConfig.withContact(fetch.contact());
    Duration call = fetch.timeout().multipliedBy(2).compareTo(Duration.ofSeconds(60)) > 0
        ? fetch.timeout().multipliedBy(2) : Duration.ofSeconds(60);
    http = http.withTimeouts(Duration.ofSeconds(10), fetch.timeout(), call);
    if (fetch.contact().isEmpty()) {
      LOG.warn("fetch.contact is not set: requests to logs carry no contact (User-Agent: {}); some logs rate-limit "
          + "such readers. Set CTMON_FETCH_CONTACT to an email address or https URL.", http.userAgent());
    }
    return http.newClient();
  }
}
