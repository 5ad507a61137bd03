package org.ctmon.fetcher.stored;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.fetcher.follow.CertificateEntry;
import org.ctmon.fetcher.http.FetcherCorpus;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.parser.x509.PublicKeyFacts;
import org.ctmon.store.ingest.Issuance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IssuanceMappingTest {
  private static final DateTimeFormatter OPENSSL_DATE =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void realTileEntriesMapToWhatOpensslReadsFromTheirDer() throws Exception {
    List<EntryDecoding> tile = new java.util.ArrayList<>(
        DataTile.decode(0, FetcherCorpus.bytes("static-ct/navigli2025h2/tile/data/000")));
    // Navigli's first tile holds precertificates only; Pilot's 2015 page final certificates.
    com.fasterxml.jackson.databind.JsonNode page = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(FetcherCorpus.bytes("rfc6962/pilot/get-entries_6-entries_2015.json")).get("entries");
    java.util.Base64.Decoder b64 = java.util.Base64.getDecoder();
    for (int k = 0; k < page.size(); k++) {
      tile.add(org.ctmon.parser.leaf.Rfc6962Entries.decode(k, b64.decode(page.get(k).get("leaf_input").asText()),
          b64.decode(page.get(k).get("extra_data").asText())));
    }
    int precerts = 0;
    int finals = 0;
    for (EntryDecoding d : tile) {
      LogEntry e = ((Decoded) d).entry();
      if ((e instanceof PrecertEntry ? precerts : finals) >= 8) {
        continue;
      }
      FactsResult facts = e instanceof PrecertEntry p ? CertificateDecoder.fromTbs(p.tbsCertificate(), true)
          : CertificateDecoder.fromCertificate(((X509Entry) e).certificate());
      Issuance i = IssuanceMapping.issuance(CertificateEntry.of(e, (FactsResult.Parsed) facts, true)).orElseThrow();
      String text = openssl(i.der().bytes());
      assertEquals(field(text, "serial=(.*)").replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT), i.serialHex());
      assertEquals(field(text, "subject=(.*)"), i.subjectDn(), "entry " + e.index());
      assertEquals(field(text, "issuer=(.*)"), i.issuerDn());
      assertEquals(Instant.from(OPENSSL_DATE.parse(field(text, "notBefore=(.*)"))), i.notBefore());
      assertEquals(Instant.from(OPENSSL_DATE.parse(field(text, "notAfter=(.*)"))), i.notAfter());
      Set<String> san = new HashSet<>();
      Matcher m = Pattern.compile("DNS:([^,\\s]+)").matcher(text);
      while (m.find()) {
        san.add(m.group(1).toLowerCase(Locale.ROOT));
      }
      assertTrue(new HashSet<>(i.dnsNames()).containsAll(san), "every SAN of entry " + e.index());
      assertEquals(Sha256.of(i.der().bytes()), i.certSha256());
      if (e instanceof PrecertEntry p) {
        precerts++;
        assertTrue(i.precert());
        // A precert entry's TBS is already poison-free: its hash is the issuance key as it stands.
        assertEquals(Sha256.of(p.tbsCertificate().bytes()), i.tbsSha256());
        assertTrue(text.contains("CT Precertificate Poison") || text.contains("1.3.6.1.4.1.11129.2.4.3"), "the kept DER is the precertificate, with its poison");
      } else {
        finals++;
        assertFalse(i.precert());
      }
      String key = text.contains("id-ecPublicKey") ? "EC-P256" : "RSA-" + field(text, "Public-Key: \\((\\d+) bit\\)");
      if (text.contains("id-ecPublicKey")) {
        assertTrue(text.contains("prime256v1") || text.contains("P-256"), "only P-256 keys in this sample");
      }
      assertEquals(key, i.keyType());
    }
    assertTrue(precerts > 0 && finals > 0, precerts + " precerts, " + finals + " final certificates");
  }

  @Test
  void keyTypesReadLikeTheStoreDocumentsThem() {
    assertEquals("RSA-2048", IssuanceMapping.keyType(new PublicKeyFacts("rsa", 2048, null)));
    assertEquals("EC-P256", IssuanceMapping.keyType(new PublicKeyFacts("ec", 256, "secp256r1")));
    assertEquals("EC-P384", IssuanceMapping.keyType(new PublicKeyFacts("ec", 384, "secp384r1")));
    assertEquals("ED25519", IssuanceMapping.keyType(new PublicKeyFacts("ed25519", 256, null)));
  }

  private String openssl(byte[] der) throws IOException, InterruptedException {
    Path f = Files.createTempFile(dir, "cert", ".der");
    Files.write(f, der);
    Process p = new ProcessBuilder("openssl", "x509", "-inform", "DER", "-in", f.toString(), "-noout", "-serial",
        "-subject", "-issuer", "-nameopt", "RFC2253,-esc_msb", "-startdate", "-enddate", "-text")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  private static String field(String text, String regex) {
    Matcher m = Pattern.compile("(?m)^\\s*" + regex + "$").matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + regex + " in openssl output:\n" + text);
    }
    return m.group(1).trim();
  }
}
