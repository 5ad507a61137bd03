package org.ctmon.web.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.ctmon.parser.Corpus;
import org.ctmon.web.Ctmon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class DecodeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, List<JsonNode> lines, String err) {}

  private static Run decode(InputStream stdin, String... args) throws IOException {
    InputStream savedIn = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Ctmon.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit;
    try {
      if (stdin != null) {
        System.setIn(stdin);
      }
      String[] full = new String[args.length + 1];
      full[0] = "decode";
      System.arraycopy(args, 0, full, 1, args.length);
      exit = cmd.execute(full);
    } finally {
      System.setIn(savedIn);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isEmpty()) {
        lines.add(JSON.readTree(line));
      }
    }
    return new Run(exit, lines, err.toString());
  }

  private static Run decode(String... args) throws IOException {
    return decode(null, args);
  }

  /** What openssl says of a DER certificate: the independent reference for names and serials. */
  private static String openssl(byte[] der, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("openssl", "x509", "-inform", "DER", "-noout"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().write(der);
    p.getOutputStream().close();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl finished");
    return text;
  }

  /** The certificate of an RFC 6962 x509 leaf, cut out by hand: version, leaf type, timestamp, type, uint24 length. */
  private static byte[] certificateOfX509Leaf(byte[] leaf) {
    assertEquals(0, leaf[10] << 8 | leaf[11], "x509_entry");
    int len = (leaf[12] & 0xff) << 16 | (leaf[13] & 0xff) << 8 | (leaf[14] & 0xff);
    return java.util.Arrays.copyOfRange(leaf, 15, 15 + len);
  }

  private static TreeSet<String> strings(JsonNode array) {
    TreeSet<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void printsEveryFieldOfTheDesignInOrderForEveryEntry() throws IOException {
    Run run = decode("--tile", "0", Corpus.path("static-ct/navigli2025h2/tile/data/000").toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(256, run.lines().size());
    for (JsonNode line : run.lines()) {
      List<String> names = new ArrayList<>();
      line.fieldNames().forEachRemaining(names::add);
      assertEquals(EntryJson.FIELDS, names);
    }
  }

  @Test
  void namesSerialAndValidityOfARealGetEntriesPageEqualWhatOpensslReports() throws Exception {
    Path page = Corpus.path("rfc6962/pilot/get-entries_6-entries_2015.json");
    JsonNode raw = JSON.readTree(page.toFile());
    Run run = decode("--start", "5000", page.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(6, run.lines().size());
    for (int i = 0; i < 6; i++) {
      JsonNode line = run.lines().get(i);
      byte[] leaf = Base64.getDecoder().decode(raw.get("entries").get(i).get("leaf_input").asText());
      byte[] cert = certificateOfX509Leaf(leaf);
      assertEquals(5000 + i, line.get("index").asLong());
      assertEquals("x509", line.get("entry_type").asText());
      String serial = openssl(cert, "-serial").trim().substring("serial=".length()).toLowerCase(Locale.ROOT);
      assertEquals(serial.replaceFirst("^0+(?=.)", ""), line.get("serial").asText());
      String san = openssl(cert, "-ext", "subjectAltName");
      TreeSet<String> expected = new TreeSet<>();
      for (String part : san.split("[,\\n]")) {
        part = part.trim();
        if (part.startsWith("DNS:")) {
          expected.add(part.substring(4).toLowerCase(Locale.ROOT));
        }
      }
      String subject = openssl(cert, "-subject", "-nameopt", "RFC2253");
      java.util.regex.Matcher cn = java.util.regex.Pattern.compile("CN=([^,\\n]+)").matcher(subject);
      if (cn.find() && cn.group(1).contains(".")) {
        expected.add(cn.group(1).toLowerCase(Locale.ROOT));
      }
      assertEquals(expected, strings(line.get("dns_names")), "names of entry " + i);
      assertEquals(Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(cert)),
          Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(line.get("cert_sha256").asText())));
      String end = openssl(cert, "-enddate").trim().substring("notAfter=".length());
      java.time.ZonedDateTime expectedEnd = java.time.ZonedDateTime.parse(end.replaceAll(" +", " "),
          java.time.format.DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy z", Locale.ROOT));
      assertEquals(expectedEnd.toInstant().toString(), line.get("not_after").asText());
      assertTrue(line.get("error").isNull());
    }
  }

  @Test
  void namesOfATileEqualTheLogsOwnNamesTile() throws IOException {
    Run run = decode("--tile", "256", Corpus.path("static-ct/navigli2025h2/tile/data/001").toString());
    assertEquals(0, run.exit(), run.err());
    // The corpus stores the names tile already inflated (JSON lines).
    List<String> namesTile = Corpus.text("static-ct/navigli2025h2/tile/names/001").lines().toList();
    assertEquals(256, namesTile.size());
    for (int i = 0; i < 256; i++) {
      JsonNode line = run.lines().get(i);
      assertEquals(256 + i, line.get("index").asLong());
      assertEquals("precert", line.get("entry_type").asText());
      assertTrue(line.get("cert_sha256").isNull(), "a precert has no certificate hash");
      JsonNode expected = JSON.readTree(namesTile.get(i));
      TreeSet<String> names = new TreeSet<>();
      if (expected.has("DNS")) {
        expected.get("DNS").forEach(n -> names.add(n.asText().toLowerCase(Locale.ROOT)));
      }
      JsonNode cn = expected.path("Subject").path("CommonName");
      if (cn.isTextual() && !cn.asText().isEmpty()) {
        names.add(cn.asText().toLowerCase(Locale.ROOT));
      }
      assertEquals(names, strings(line.get("dns_names")), "entry " + (256 + i));
      assertEquals(expected.get("Timestamp").asLong(), line.get("timestamp").asLong());
    }
  }

  @Test
  void aGzipTileOnStandardInputDecodesLikeThePlainOne() throws IOException {
    byte[] plain = Files.readAllBytes(Corpus.path("static-ct/navigli2025h2/tile/data/003.p/10"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }
    Run fromFile = decode("--tile", "768", Corpus.path("static-ct/navigli2025h2/tile/data/003.p/10").toString());
    Run fromStdin = decode(new ByteArrayInputStream(gz.toByteArray()), "--tile", "768", "-");
    assertEquals(0, fromStdin.exit(), fromStdin.err());
    assertEquals(10, fromStdin.lines().size());
    assertEquals(fromFile.lines(), fromStdin.lines());
  }

  @Test
  void aPrecertEntryFromAnRfc6962LogIsTypedPrecertWithItsTbsHash() throws IOException {
    Run run = decode(Corpus.path("rfc6962/unknown-log/get-entries_precert_geotrust-test.json").toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode line = run.lines().get(0);
    assertEquals("precert", line.get("entry_type").asText());
    assertTrue(line.get("cert_sha256").isNull());
    assertEquals(64, line.get("tbs_sha256").asText().length());
    assertTrue(line.get("dns_names").size() > 0);
  }

  @Test
  void oneBrokenEntryIsReportedWhileTheOthersStillDecode(@TempDir Path dir) throws IOException {
    ObjectNode page = (ObjectNode) JSON.readTree(Corpus.path("rfc6962/pilot/get-entries_6-entries_2015.json").toFile());
    ArrayNode entries = (ArrayNode) page.get("entries");
    // Entry 1: not base64. Entry 3: a leaf cut short inside its certificate.
    ((ObjectNode) entries.get(1)).put("leaf_input", "!!not base64!!");
    byte[] leaf = Base64.getDecoder().decode(entries.get(3).get("leaf_input").asText());
    ((ObjectNode) entries.get(3)).put("leaf_input", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(leaf, 40)));
    Path file = dir.resolve("page.json");
    JSON.writeValue(file.toFile(), page);

    Run run = decode(file.toString());
    assertEquals(1, run.exit());
    assertEquals(6, run.lines().size(), "every entry is printed");
    assertEquals("leaf_input is not base64: illegal base64 character '!' (U+0021) at offset 0",
        run.lines().get(1).get("error").asText(), "the same reason the monitor gives for a page it fetched");
    assertTrue(run.lines().get(3).get("error").asText().startsWith("leaf: truncated"), run.lines().get(3).toString());
    for (int i : new int[] {0, 2, 4, 5}) {
      assertTrue(run.lines().get(i).get("error").isNull());
      assertEquals("x509", run.lines().get(i).get("entry_type").asText());
    }
    assertEquals("ctmon decode: 2 of 6 entries in " + file + " are malformed (see their \"error\")\n", run.err());
  }

  @Test
  void aFileThatIsNotALogResponseIsAClearErrorWithStatusTwo(@TempDir Path dir) throws IOException {
    Path html = dir.resolve("page.html");
    Files.writeString(html, "<html><body>rate limited</body></html>");
    Run run = decode(html.toString());
    assertEquals(2, run.exit());
    assertTrue(run.lines().isEmpty());
    assertTrue(run.err().startsWith("ctmon decode: error reading get-entries response from " + html + ": not JSON"), run.err());

    Run missing = decode(dir.resolve("nope.json").toString());
    assertEquals(2, missing.exit());
    assertEquals("ctmon decode: error reading " + dir.resolve("nope.json") + ": no such file\n", missing.err());
  }

  @Test
  void aTileWithGarbageAfterItsEntriesKeepsTheGoodOnesAndFlagsTheRest(@TempDir Path dir) throws IOException {
    byte[] tile = Files.readAllBytes(Corpus.path("static-ct/navigli2025h2/tile/data/003.p/10"));
    byte[] broken = java.util.Arrays.copyOf(tile, tile.length + 7);
    java.util.Arrays.fill(broken, tile.length, broken.length, (byte) 0xff);
    Path file = dir.resolve("tile");
    Files.write(file, broken);
    Run run = decode("--tile", "768", file.toString());
    assertEquals(1, run.exit());
    assertEquals(11, run.lines().size());
    for (int i = 0; i < 10; i++) {
      assertTrue(run.lines().get(i).get("error").isNull());
    }
    JsonNode last = run.lines().get(10);
    assertEquals(778, last.get("index").asLong());
    assertTrue(last.get("error").asText().startsWith("leaf: "), last.toString());
    assertNull(last.get("entry_type").textValue());
  }

  @Test
  void startAndTileTogetherAreRefused() throws IOException {
    Run run = decode("--start", "1", "--tile", "0", "x");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("mutually exclusive"), run.err());
  }

  @Test
  void helpDescribesTheOutputFields() throws IOException {
    StringWriter out = new StringWriter();
    CommandLine cmd = Ctmon.commandLine();
    cmd.setOut(new PrintWriter(out));
    assertEquals(0, cmd.execute("decode", "--help"));
    assertTrue(out.toString().contains("tbs_sha256"), out.toString());
    Iterator<String> it = List.of("--start", "--tile", "FILE").iterator();
    while (it.hasNext()) {
      assertTrue(out.toString().contains(it.next()));
    }
  }
}
