package org.ctmon.parser.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.Rfc6962Entries;
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.merkle.MerkleHash;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.FactsResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the follower's per-entry work on one core, on real corpus entries: frame the leaf
 * (RFC 6962 {@code get-entries} or a static-ct-api data tile), extract the certificate facts,
 * hash the leaf and append it to the compact range. Prints entries/s for the whole pipeline and
 * ns/entry per stage; asserts nothing about speed (shared machines are noisy).
 *
 * <p>Run with {@code mvn -Pbench test -pl parser -am}. Inputs:
 * <ul>
 *   <li>navigli2025h2 data tiles: 1,024 real precertificate entries (Let's Encrypt staging), plain
 *       and gzipped as logs serve them;
 *   <li>RFC 6962 x509 entries: the real leaf certificates of the corpus' final-with-scts chains
 *       (1.4 KB average, embedded SCTs, up to 163 names), framed as {@code get-entries} leaves.
 * </ul>
 */
@Tag("bench")
final class EntryPipelineBenchmark {
  private static final long WARMUP_NANOS = 4_000_000_000L;
  private static final long ROUND_NANOS = 2_000_000_000L;
  private static final int ROUNDS = 5;

  @Test
  void printsDecodeFactsHashAndAppendThroughputOnRealEntries() throws IOException {
    byte[][] tiles = new byte[4][];
    byte[][] gzipped = new byte[4][];
    for (int n = 0; n < 4; n++) {
      tiles[n] = Corpus.bytes("static-ct/navigli2025h2/tile/data/00" + n);
      gzipped[n] = gzip(tiles[n]);
    }
    List<byte[]> x509Leaves = x509LeavesOfRealFinalCertificates();
    System.out.printf("%nentry pipeline benchmark (one thread, %s, %d cores)%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors());
    System.out.printf("inputs: %d tile entries (precert), %d x509 leaves of real final certificates%n",
        4 * 256, x509Leaves.size());

    report("tiles (plain), precert entries", () -> tilesOnce(tiles));
    report("tiles (gzip), precert entries", () -> tilesOnce(gzipped));
    report("rfc 6962 get-entries, x509 entries", () -> rfc6962Once(x509Leaves));
  }

  /** One pass of every stage over a set of inputs; returns the per-stage nanoseconds and the count. */
  interface Pass {
    long[] run();
  }

  private static void report(String label, Pass pass) {
    long start = System.nanoTime();
    while (System.nanoTime() - start < WARMUP_NANOS) {
      pass.run();
    }
    double best = 0;
    double[] stageNs = new double[4];
    long total = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long[] acc = new long[5];
      long roundStart = System.nanoTime();
      while (System.nanoTime() - roundStart < ROUND_NANOS) {
        long[] r = pass.run();
        for (int i = 0; i < 5; i++) {
          acc[i] += r[i];
        }
      }
      long entries = acc[4];
      double perEntry = (double) (acc[0] + acc[1] + acc[2] + acc[3]) / entries;
      best = Math.max(best, 1e9 / perEntry);
      for (int i = 0; i < 4; i++) {
        stageNs[i] += (double) acc[i] / entries;
      }
      total += entries;
    }
    String leafHash = stageNs[2] == 0 ? "(in frame)" : String.format("%,.0f", stageNs[2] / ROUNDS);
    System.out.printf("%-38s %,10.0f entries/s (best round)  ns/entry: frame %,.0f  facts %,.0f  leaf hash %s  append %,.0f  (%,d entries)%n",
        label, best, stageNs[0] / ROUNDS, stageNs[1] / ROUNDS, leafHash, stageNs[3] / ROUNDS, total);
  }

  private static long[] tilesOnce(byte[][] tiles) {
    long[] t = new long[5];
    CompactRange range = new CompactRange();
    for (int n = 0; n < tiles.length; n++) {
      long a = System.nanoTime();
      List<EntryDecoding> decoded = DataTile.decode(256L * n, tiles[n]);
      long b = System.nanoTime();
      t[0] += b - a;
      facts(decoded, t);
      appendAll(decoded, range, t);
      t[4] += decoded.size();
    }
    return t;
  }

  private static long[] rfc6962Once(List<byte[]> leaves) {
    long[] t = new long[5];
    CompactRange range = new CompactRange();
    List<EntryDecoding> decoded = new ArrayList<>(leaves.size());
    long a = System.nanoTime();
    for (int i = 0; i < leaves.size(); i++) {
      decoded.add(Rfc6962Entries.decode(i, leaves.get(i), EMPTY_CHAIN));
    }
    t[0] += System.nanoTime() - a;
    facts(decoded, t);
    // RFC 6962 leaf hashes are computed from leaf_input by the follower; time that explicitly.
    long h = System.nanoTime();
    Sha256[] hashes = new Sha256[leaves.size()];
    for (int i = 0; i < leaves.size(); i++) {
      hashes[i] = MerkleHash.leaf(leaves.get(i));
    }
    long h2 = System.nanoTime();
    t[2] += h2 - h;
    for (Sha256 hash : hashes) {
      range.append(hash);
    }
    t[3] += System.nanoTime() - h2;
    t[4] += leaves.size();
    return t;
  }

  private static void facts(List<EntryDecoding> decoded, long[] t) {
    long a = System.nanoTime();
    int parsed = 0;
    for (EntryDecoding d : decoded) {
      LogEntry e = ((Decoded) d).entry();
      FactsResult r = e instanceof PrecertEntry p
          ? CertificateDecoder.fromTbs(p.tbsCertificate(), true)
          : CertificateDecoder.fromCertificate(((X509Entry) e).certificate());
      if (r instanceof FactsResult.Parsed) {
        parsed++;
      }
    }
    t[1] += System.nanoTime() - a;
    if (parsed != decoded.size()) {
      throw new AssertionError("benchmark input must decode fully, " + parsed + " of " + decoded.size());
    }
  }

  private static void appendAll(List<EntryDecoding> decoded, CompactRange range, long[] t) {
    // Tile leaf hashes are computed while framing (the leaf is rebuilt from the TileLeaf); only append here.
    long a = System.nanoTime();
    for (EntryDecoding d : decoded) {
      range.append(((Decoded) d).entry().leafHash());
    }
    t[3] += System.nanoTime() - a;
  }

  /** A get-entries x509 chain: an empty certificate_chain (uint24 length 0). */
  private static final byte[] EMPTY_CHAIN = {0, 0, 0};

  private static List<byte[]> x509LeavesOfRealFinalCertificates() throws IOException {
    List<byte[]> out = new ArrayList<>();
    Path dir = Corpus.path("precerts/final-with-scts");
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(dir)) {
      walk.filter(p -> p.toString().endsWith(".chain.pem")).sorted().forEach(files::add);
    }
    for (Path f : files) {
      String pem = Files.readString(f);
      int begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
      int end = pem.indexOf("-----END CERTIFICATE-----", begin);
      if (begin < 0 || end < 0) {
        continue;
      }
      byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
      out.add(x509Leaf(1_700_000_000_000L + out.size(), der));
    }
    if (out.size() < 10) {
      throw new AssertionError("expected the corpus' real final certificates, found " + out.size());
    }
    return out;
  }

  /** RFC 6962 MerkleTreeLeaf of an x509 entry: v1, timestamped_entry, timestamp, x509_entry, cert, no extensions. */
  private static byte[] x509Leaf(long timestamp, byte[] cert) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0);
    b.write(0);
    for (int i = 7; i >= 0; i--) {
      b.write((int) (timestamp >>> (8 * i)));
    }
    b.write(0);
    b.write(0);
    b.write(cert.length >>> 16);
    b.write(cert.length >>> 8);
    b.write(cert.length);
    b.writeBytes(cert);
    b.write(0);
    b.write(0);
    return b.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

}
