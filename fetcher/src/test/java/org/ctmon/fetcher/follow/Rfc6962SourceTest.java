package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.ctmon.fetcher.http.FetcherCorpus;
import org.ctmon.fetcher.http.LogResponseException;
import org.ctmon.fetcher.rfc6962.Rfc6962Client;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;
import org.junit.jupiter.api.Test;

final class Rfc6962SourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aProofByHashForAnotherCopyOfTheLeafDoesNotPlaceTheStart() throws Exception {
    JsonNode page = JSON.readTree(FetcherCorpus.bytes("rfc6962/pilot/get-entries_6-entries_2015.json"));
    String oneEntry = "{\"entries\":[" + JSON.writeValueAsString(page.get("entries").get(0)) + "]}";
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(404)); // no get-entry-and-proof
      server.enqueue(new MockResponse().setBody(oneEntry)); // entry 4
      // The same leaf logged again at 9: the log proves that copy.
      server.enqueue(new MockResponse().setBody("{\"leaf_index\":9,\"audit_path\":[]}"));
      server.start();
      Rfc6962Source source = new Rfc6962Source(new Rfc6962Client(FetcherCorpus.testConfig().newClient(),
          server.url("/pilot/").uri(), FetcherCorpus.key("pilot"),
          Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC)));
      TreeHead head = new TreeHead(10, 1_700_000_000_000L, Sha256.of(new byte[] {1}));

      LogResponseException e = assertThrows(LogResponseException.class, () -> source.seedAt(head, 5));
      assertTrue(e.getMessage().contains("get-proof-by-hash returned leaf_index 9 for the leaf of entry 4"),
          e.getMessage());
      assertTrue(e.retryable(), "asked again later, not taken for misbehaviour");
      assertTrue(server.takeRequest().getPath().startsWith("/pilot/ct/v1/get-entry-and-proof?"));
      assertEquals("/pilot/ct/v1/get-entries?start=4&end=4", server.takeRequest().getPath());
      assertTrue(server.takeRequest().getPath().startsWith("/pilot/ct/v1/get-proof-by-hash?"));
    }
  }
}
