package org.ctmon.web.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ctmon.store.log.LogIncident;
import org.ctmon.web.api.IncidentsApi;

/**
 * An incident as the admin page's copyable block shows it: the JSON object
 * {@code GET /api/v1/incidents} gives for it (same fields, same order), indented, so what an
 * operator forwards from the page and what a script fetches are the same evidence: each tree
 * head exactly as the log signed it.
 */
final class AdminEvidence {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AdminEvidence() {}

  static String of(LogIncident i) {
    try {
      return JSON.writeValueAsString(IncidentsApi.json(i));
    } catch (JsonProcessingException e) {
      throw new AssertionError("a map of strings and numbers is always JSON", e);
    }
  }
}
