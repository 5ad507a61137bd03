package org.ctmon.fetcher.rfc6962;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.ctmon.fetcher.http.FetcherCorpus;

/**
 * A get-entries body of {@code n} entries made of the six real Pilot entries of the corpus, in
 * turn: a page the size real logs serve, for figures on real certificates and chains.
 */
final class PilotPage {
  private PilotPage() {}

  static byte[] of(int n) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode six = (ObjectNode) json.readTree(FetcherCorpus.bytes("rfc6962/pilot/get-entries_6-entries_2015.json"));
    ArrayNode entries = json.createArrayNode();
    for (int i = 0; i < n; i++) {
      entries.add(six.get("entries").get(i % 6));
    }
    return json.writeValueAsBytes(json.createObjectNode().set("entries", entries));
  }
}
