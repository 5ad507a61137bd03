package org.ctmon.testlog.log;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.testlog.fault.Damage;
import org.ctmon.testlog.pki.IssuedCertificate;
import org.ctmon.testlog.pki.IssuedPrecertificate;
import org.ctmon.testlog.pki.Submission;

/**
 * A file of the entries of a set of logs, so a benchmark fills a million-entry log from disk in
 * seconds instead of re-issuing (and re-signing) every certificate. Issuance is deterministic, so the
 * file is a pure cache: the caller names it after everything that determines its content, and after
 * loading it advances the issuance stream past the cached issuances ({@link IssuanceFeed#skip}).
 *
 * <p>Format (big endian): magic {@code CTMONTL1}, u32 number of logs, u64 issuances, then every
 * entry of the first log in order, then of the second, and so on: u8 log number, u8 kind (0 x509, 1 precert, 2 damaged), u64 timestamp; x509: u24
 * certificate, chain; precert: issuer key hash (32), u24 TBS, u24 precertificate, chain; damaged: u8
 * {@link Damage} ordinal. A chain is u8 count and the SHA-256 of each CA certificate, resolved
 * through the log's issuers on reading.
 */
public final class EntryCache {
  private static final long MAGIC = 0x43544d4f4e544c31L; // "CTMONTL1"

  private EntryCache() {}

  /** Writes every appended entry of {@code logs} atomically to {@code file}. */
  public static void write(Path file, List<TestLog> logs, long issuances) {
    List<List<LoggedEntry>> all = new ArrayList<>();
    logs.forEach(l -> all.add(l.appendedEntries()));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
        out.writeLong(MAGIC);
        out.writeInt(logs.size());
        out.writeLong(issuances);
        for (int l = 0; l < all.size(); l++) {
          for (LoggedEntry e : all.get(l)) {
            writeEntry(out, l, e);
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("error writing the entry cache " + file, e);
    }
  }

  /**
   * Appends the cached entries to {@code logs} (which must be empty and be the same logs, in the same
   * order, as written) without applying faults; returns the number of cached issuances.
   */
  public static long read(Path file, List<TestLog> logs) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      if (in.readLong() != MAGIC) {
        throw new IOException("not a testlog entry cache (bad magic)");
      }
      int n = in.readInt();
      if (n != logs.size()) {
        throw new IOException("cache holds " + n + " logs, not " + logs.size());
      }
      long issuances = in.readLong();
      while (true) {
        int l;
        try {
          l = in.readUnsignedByte();
        } catch (EOFException end) {
          return issuances;
        }
        TestLog log = logs.get(l);
        int kind = in.readUnsignedByte();
        long ts = in.readLong();
        long index = log.appendedSize();
        if (kind == 2) {
          log.restore(LoggedEntry.damaged(index, ts, Damage.values()[in.readUnsignedByte()], log.protocol()));
          continue;
        }
        Submission entry;
        if (kind == 0) {
          Der cert = Der.of(bytes24(in));
          entry = new IssuedCertificate(cert, chain(in, log));
        } else {
          byte[] ikh = new byte[32];
          in.readFully(ikh);
          Der tbs = Der.of(bytes24(in));
          Der precert = Der.of(bytes24(in));
          entry = new IssuedPrecertificate(Sha256.wrap(ikh), tbs, precert, chain(in, log));
        }
        log.restore(LoggedEntry.of(index, ts, entry, log.protocol()));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("error reading the entry cache " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeEntry(DataOutputStream out, int log, LoggedEntry e) throws IOException {
    out.writeByte(log);
    if (e.damage().isPresent()) {
      out.writeByte(2);
      out.writeLong(e.timestamp());
      out.writeByte(e.damage().get().ordinal());
      return;
    }
    Submission entry = e.entry().orElseThrow();
    if (entry instanceof IssuedCertificate x) {
      out.writeByte(0);
      out.writeLong(e.timestamp());
      bytes24(out, x.certificate());
      chain(out, x.chain());
    } else if (entry instanceof IssuedPrecertificate p) {
      out.writeByte(1);
      out.writeLong(e.timestamp());
      out.write(p.issuerKeyHash().bytes());
      bytes24(out, p.tbsCertificate());
      bytes24(out, p.precertificate());
      chain(out, p.chain());
    } else {
      throw new AssertionError("unknown log entry " + entry);
    }
  }

  private static void bytes24(DataOutputStream out, Der der) throws IOException {
    byte[] b = der.unsafeBytes();
    out.writeByte(b.length >>> 16);
    out.writeShort(b.length);
    out.write(b);
  }

  private static byte[] bytes24(DataInputStream in) throws IOException {
    int n = in.readUnsignedByte() << 16 | in.readUnsignedShort();
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static void chain(DataOutputStream out, List<Der> chain) throws IOException {
    out.writeByte(chain.size());
    for (Der c : chain) {
      out.write(c.sha256().bytes());
    }
  }

  private static List<Der> chain(DataInputStream in, TestLog log) throws IOException {
    int n = in.readUnsignedByte();
    List<Der> chain = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] f = new byte[32];
      in.readFully(f);
      Sha256 fingerprint = Sha256.wrap(f);
      chain.add(log.issuer(fingerprint).orElseThrow(() -> new IllegalStateException("unknown issuer " + fingerprint)));
    }
    return chain;
  }
}
