package org.ctmon.store;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixture: every row of every ctmon table as sorted text, to prove that nothing changed. */
public final class TableSnapshot {
  public static final List<String> TABLES = List.of("logs", "tree_heads", "log_incidents", "issuances",
      "issuance_names", "issuance_ips", "log_entries", "malformed_entries", "accounts", "api_tokens", "sessions",
      "watchlists", "watch_items", "watch_policies", "matches", "webhooks", "outbox");

  private TableSnapshot() {}

  /** Table name to its rows, each row rendered as text, rows sorted. */
  public static Map<String, List<String>> of(Store store) {
    try {
      return read(store);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot snapshot the tables", e);
    }
  }

  private static Map<String, List<String>> read(Store store) throws SQLException {
    return store.jdbi().withHandle(h -> {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (String t : TABLES) {
        List<String> rows = new ArrayList<>();
        try (var st = h.getConnection().createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder b = new StringBuilder();
            for (int c = 1; c <= md.getColumnCount(); c++) {
              Object v = rs.getObject(c);
              b.append(md.getColumnName(c).toLowerCase()).append('=')
                  .append(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(v)).append(';');
            }
            rows.add(b.toString());
          }
        }
        Collections.sort(rows);
        out.put(t, rows);
      }
      return out;
    });
  }

  /** Number of rows in {@code table}. */
  public static int count(Store store, String table) {
    return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
  }
}
