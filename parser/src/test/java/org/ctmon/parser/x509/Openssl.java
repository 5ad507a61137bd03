package org.ctmon.parser.x509;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code openssl x509} says about a certificate: the independent reference the corpus tests
 * compare with. Runs {@code /usr/bin/openssl} (or {@code openssl} on the PATH).
 */
final class Openssl {
  private Openssl() {}

  /**
   * The fields read from openssl's output; {@code sanParsed} false when openssl printed the SAN
   * extension as a raw dump (it does for names with NUL bytes).
   */
  record View(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
      String signatureAlgorithm, List<String> sanDns, List<String> sanIp, boolean sanParsed,
      boolean ca, String text) {}

  private static final String TYPES = "(?:DNS|IP Address|email|URI|DirName|othername|Registered ID):";
  /** An entry runs until ", " followed by the next entry's type, so names with commas survive. */
  private static final Pattern DNS = Pattern.compile("(?:^|, )DNS:(.*?)(?=, " + TYPES + "|$)", Pattern.DOTALL);
  private static final Pattern IP = Pattern.compile("(?:^|, )IP Address:([0-9A-Fa-f:.]+)");
  private static final Pattern HEADER = Pattern.compile(" {4,12}[A-Za-z]|[a-zA-Z]+=");
  private static final Pattern TIME = Pattern.compile(" *(\\d+)-(\\d\\d)-(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d)Z");

  /** openssl's {@code -dateopt iso_8601} text (years below 1000 are space-padded). */
  private static Instant time(String s) {
    Matcher m = TIME.matcher(s);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected openssl time " + s);
    }
    return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
        Integer.parseInt(m.group(6))).toInstant(ZoneOffset.UTC);
  }

  static String binary() {
    return new java.io.File("/usr/bin/openssl").canExecute() ? "/usr/bin/openssl" : "openssl";
  }

  /** openssl's view of {@code der}, or null when openssl cannot read it as a certificate. */
  static View x509(byte[] der) {
    String out = run(der, binary(), "x509", "-inform", "DER", "-noout", "-text", "-subject", "-issuer",
        "-serial", "-dateopt", "iso_8601", "-startdate", "-enddate", "-nameopt", "RFC2253,-esc_msb",
        "-certopt", "no_pubkey,no_sigdump");
    if (out == null) {
      return null;
    }
    String subject = null;
    String issuer = null;
    String serial = null;
    Instant nb = null;
    Instant na = null;
    String sigAlg = null;
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    boolean sanParsed = true;
    boolean ca = false;
    String[] lines = out.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith("subject=")) {
        subject = l.substring(8);
      } else if (l.startsWith("issuer=")) {
        issuer = l.substring(7);
      } else if (l.startsWith("serial=")) {
        serial = l.substring(7);
      } else if (l.startsWith("notBefore=")) {
        nb = time(l.substring(10));
      } else if (l.startsWith("notAfter=")) {
        na = time(l.substring(9));
      } else if (sigAlg == null && l.strip().startsWith("Signature Algorithm: ")) {
        sigAlg = l.strip().substring("Signature Algorithm: ".length());
      } else if (l.strip().startsWith("CA:TRUE")) {
        ca = true;
      } else if (l.strip().startsWith("X509v3 Subject Alternative Name:") && i + 1 < lines.length) {
        // the value runs until the next header line; names with newlines continue unindented
        StringBuilder value = new StringBuilder(lines[i + 1].stripLeading());
        for (int j = i + 2; j < lines.length && !HEADER.matcher(lines[j]).lookingAt(); j++) {
          value.append('\n').append(lines[j]);
        }
        String san = value.toString();
        if (!san.matches("^(DNS|IP Address|email|URI|DirName|othername|Registered ID|EdiPartyName|X400Name|<[^>]*>)[: ].*")) {
          sanParsed = false;
        }
        Matcher m = DNS.matcher(san);
        while (m.find()) {
          dns.add(m.group(1));
        }
        m = IP.matcher(san);
        while (m.find()) {
          ips.add(m.group(1));
        }
      }
    }
    if (subject == null || serial == null || nb == null || na == null) {
      return null;
    }
    return new View(subject, issuer, serial, nb, na, sigAlg, dns, ips, sanParsed, ca, out);
  }

  /** openssl prints name bytes raw: UTF-8 when they are, Latin-1 (one char a byte) otherwise. */
  private static String text(byte[] out) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(out)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(out, StandardCharsets.ISO_8859_1);
    }
  }

  /** Runs a command with {@code stdin}; its stdout, or null if it exits non-zero. */
  static String run(byte[] stdin, String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (OutputStream os = p.getOutputStream()) {
        os.write(stdin);
      }
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (InputStream is = p.getInputStream()) {
        is.transferTo(buf);
      }
      int rc = p.waitFor();
      return rc == 0 ? text(buf.toByteArray()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("running " + cmd[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + cmd[0], e);
    }
  }
}
