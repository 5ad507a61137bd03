package org.ctmon.store.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.ctmon.store.IndexPartition;
import org.ctmon.store.NameKey;
import org.ctmon.store.ReversedName;
import org.ctmon.store.SqlText;
import org.ctmon.store.StoreException;
import org.ctmon.store.Vendor;
import org.ctmon.store.issuance.NameFilters;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Writes the DNS names and IP addresses of issuances an ingest transaction created: the most rows
 * ingest writes (about three per issuance), so they go through plain JDBC batches, without the
 * per-argument lookups of Jdbi's binding (about a tenth of ingest time in the profile).
 */
final class NameRows {
  private static final String NAMES = "INSERT INTO issuance_names (name_key, issuance_id, name_reversed, name,"
      + " first_seen, not_after, part) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String IPS = "INSERT INTO issuance_ips (issuance_id, ordinal, ip, part) VALUES (?, ?, ?, ?)";

  /** IP addresses one issuance can have: {@code issuance_ips.ordinal} is a SMALLINT. */
  static final int MAX_IPS = Short.MAX_VALUE + 1;

  private NameRows() {}

  // A certificate can list more names than a key numbers (RFC 6962 allows 16 MB certificates).
  // Its first ones are indexed and the batch commits: failing it would stop the log for good.
  private static List<String> cap(List<String> values, int max) {
    return values.size() <= max ? values : values.subList(0, max);
  }

  /** Only issuances this transaction created: their keys cannot exist yet. */
  static void insert(Handle h, Vendor vendor, List<MergedIssuance> fresh) {
    Connection c = h.getConnection();
    NameFilters filters = (NameFilters) h.getConfig(SqlStatements.class).getAttribute(NameFilters.JDBI_ATTRIBUTE);
    try (PreparedStatement names = c.prepareStatement(NAMES); PreparedStatement ips = c.prepareStatement(IPS)) {
      int nameRows = 0;
      int ipRows = 0;
      for (MergedIssuance m : fresh) {
        Issuance i = m.first;
        long part = IndexPartition.of(vendor, m.id);
        if (filters != null) {
          filters.recordSeen(part, m.firstSeen);
        }
        long notAfter = i.notAfter().toEpochMilli();
        int ordinal = 0;
        for (String name : cap(i.dnsNames(), NameKey.MAX_NAMES)) {
          names.setLong(1, NameKey.of(m.id, ordinal++));
          names.setLong(2, m.id);
          String key = ReversedName.key(name);
          if (filters != null) {
            filters.record(part, key);
          }
          names.setString(3, key);
          names.setString(4, SqlText.encode(name));
          names.setLong(5, m.firstSeen);
          names.setLong(6, notAfter);
          names.setLong(7, part);
          names.addBatch();
          nameRows++;
        }
        short ipOrdinal = 0;
        for (String ip : cap(i.ipAddresses(), MAX_IPS)) {
          ips.setLong(1, m.id);
          ips.setShort(2, ipOrdinal++);
          ips.setString(3, SqlText.key(ip));
          ips.setLong(4, part);
          ips.addBatch();
          ipRows++;
        }
      }
      if (nameRows > 0) {
        names.executeBatch();
      }
      if (ipRows > 0) {
        ips.executeBatch();
      }
    } catch (SQLException e) {
      throw new StoreException("error storing the names of " + fresh.size() + " issuances: " + e.getMessage(), e);
    }
  }
}
