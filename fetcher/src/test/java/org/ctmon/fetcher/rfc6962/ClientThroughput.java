package org.ctmon.fetcher.rfc6962;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.ctmon.fetcher.http.FetcherCorpus;
import org.ctmon.fetcher.tiles.StaticCtClient;

/**
 * Prints client throughput over loopback HTTP on one thread (entries/s fetched, parsed and
 * decoded): 1000-entry get-entries pages made of the real Pilot entries, and the real Navigli data
 * tiles sent with {@code Content-Encoding: gzip}. A figure for reports, not a test; run with
 * {@code java -Dctmon.corpus=... -cp <test classpath> org.ctmon.fetcher.rfc6962.ClientThroughput}.
 */
final class ClientThroughput {
  private ClientThroughput() {}

  public static void main(String[] args) throws Exception {
    byte[] page = PilotPage.of(1000);
    byte[][] tiles = new byte[4][];
    for (int n = 0; n < 4; n++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(FetcherCorpus.bytes("static-ct/navigli2025h2/tile/data/00" + n));
      }
      tiles[n] = out.toByteArray();
    }
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          String path = r.getPath();
          if (path.startsWith("/ct/v1/get-entries")) {
            return new MockResponse().setBody(new Buffer().write(page));
          }
          int n = path.charAt(path.length() - 1) - '0';
          return new MockResponse().setBody(new Buffer().write(tiles[n])).setHeader("Content-Encoding", "gzip");
        }
      });
      server.start();
      OkHttpClient http = FetcherCorpus.testConfig().newClient();
      URI url = server.url("/").uri();
      Rfc6962Client rfc = new Rfc6962Client(http, url, FetcherCorpus.key("pilot"), Clock.systemUTC());
      StaticCtClient tiled = new StaticCtClient(http, url, "navigli2025h2.skylight.geomys.org",
          FetcherCorpus.key("navigli2025h2"), Clock.systemUTC(),
          new org.ctmon.fetcher.tiles.IssuerCache(16));
      System.out.printf("page: %,d bytes of json; tiles: %,d bytes gzipped%n", page.length, tiles[0].length);
      for (int round = 0; round < 3; round++) {
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L) {
          count += rfc.getEntries(count, count + 999).size();
        }
        double rfcRate = count / ((System.nanoTime() - start) / 1e9);
        count = 0;
        start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L) {
          for (int n = 0; n < 4; n++) {
            count += tiled.dataTile(n, 256).size();
          }
        }
        double tileRate = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf("round %d: get-entries %,.0f entries/s, gzip data tiles %,.0f entries/s%n",
            round, rfcRate, tileRate);
      }
    }
  }
}
