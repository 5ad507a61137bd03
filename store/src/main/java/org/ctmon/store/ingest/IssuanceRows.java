package org.ctmon.store.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.function.Function;
import org.ctmon.parser.Sha256;
import org.ctmon.store.IndexPartition;
import org.ctmon.store.SqlText;
import org.ctmon.store.StoreException;
import org.ctmon.store.Vendor;
import org.jdbi.v3.core.Handle;

/**
 * Writes the issuance rows of a batch, one {@code INSERT ... ON CONFLICT DO NOTHING} each, through
 * a plain JDBC batch: twenty values per row, bound without Jdbi's per-argument type look-ups, which
 * took about 7% of the ingest thread in the catch-up profile (the thread that bounds catch-up).
 */
final class IssuanceRows {
  private static final String INSERT = "INSERT INTO issuances (id, tbs_sha256, cert_sha256, precert_sha256,"
      + " issuer_dn, issuer_cn, issuer_o, subject_dn, serial, not_before, not_after, spki_sha256, key_type, is_ca,"
      + " precert_seen, final_seen, first_seen, der, der_precert, part)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private IssuanceRows() {}

  /**
   * Inserts each row unless its issuance is stored already.
   *
   * @param derToKeep the DER to store with a row, or null
   * @return per row, 1 when inserted and 0 when it was stored already (what the driver reports)
   */
  static int[] insert(Handle h, Vendor vendor, List<MergedIssuance> rows, Function<MergedIssuance, byte[]> derToKeep) {
    Connection c = h.getConnection();
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (MergedIssuance m : rows) {
        Issuance i = m.first;
        byte[] der = derToKeep.apply(m);
        insert.setLong(1, m.id);
        insert.setBytes(2, i.tbsSha256().bytes());
        insert.setBytes(3, bytes(m.certSha256));
        insert.setBytes(4, bytes(m.precertSha256));
        insert.setString(5, SqlText.encode(i.issuerDn()));
        insert.setString(6, SqlText.key(i.issuerCn()));
        insert.setString(7, SqlText.key(i.issuerO()));
        insert.setString(8, SqlText.encode(i.subjectDn()));
        insert.setString(9, SqlText.key(i.serialHex()));
        insert.setLong(10, i.notBefore().toEpochMilli());
        insert.setLong(11, i.notAfter().toEpochMilli());
        insert.setBytes(12, i.spkiSha256().bytes());
        insert.setString(13, SqlText.key(i.keyType()));
        insert.setBoolean(14, i.ca());
        insert.setBoolean(15, m.precertSeen);
        insert.setBoolean(16, m.finalSeen);
        insert.setLong(17, m.firstSeen);
        insert.setBytes(18, der);
        if (der == null) {
          insert.setNull(19, Types.BOOLEAN);
        } else {
          insert.setBoolean(19, m.derPrecert);
        }
        insert.setLong(20, IndexPartition.of(vendor, m.id));
        insert.addBatch();
      }
      return insert.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("error storing " + rows.size() + " issuances: " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(Sha256 h) {
    return h == null ? null : h.bytes();
  }
}
