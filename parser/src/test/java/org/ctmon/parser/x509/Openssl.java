package org.ctmon.parser.x509;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.parser.Der;

/**
 * {@code /usr/bin/openssl} (or {@code openssl} on the PATH), the independent judge the tests compare
 * with: {@link #x509} reads what {@code openssl x509} says about a certificate (the parser's corpus
 * tests); an instance writes certificates as PEM files to a directory and runs any openssl command
 * on them (the test log's PKI tests). One helper for both, in the parser's test-jar.
 */
public final class Openssl {
  private final Path dir;
  private int files;

  /** Runs commands on PEM files written to {@code dir}. */
  public Openssl(Path dir) {
    this.dir = dir;
  }

  /** What openssl exited with and printed (stdout, then stderr), and stdout's bytes. */
  public record Result(int exit, String out, byte[] stdout) {}

  /** Writes {@code certs} as one PEM file and returns its path. */
  public Path pem(Der... certs) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Der c : certs) {
      sb.append("-----BEGIN CERTIFICATE-----\n")
          .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.bytes()))
          .append("\n-----END CERTIFICATE-----\n");
    }
    Path p = dir.resolve("c" + (files++) + ".pem");
    Files.writeString(p, sb.toString());
    return p;
  }

  /** {@code openssl x509 -text -noout} of {@code cert}. */
  public String text(Der cert) throws IOException, InterruptedException {
    Result r = run(null, "x509", "-in", pem(cert).toString(), "-text", "-noout");
    if (r.exit() != 0) {
      throw new AssertionError("openssl x509 -text failed: " + r.out());
    }
    return r.out();
  }

  /** The DER SubjectPublicKeyInfo openssl extracts: {@code x509 -pubkey -noout | pkey -pubin -outform DER}. */
  public byte[] spkiDer(Der cert) throws IOException, InterruptedException {
    Result pub = run(null, "x509", "-in", pem(cert).toString(), "-pubkey", "-noout");
    Result der = run(pub.stdout(), "pkey", "-pubin", "-outform", "DER");
    if (pub.exit() != 0 || der.exit() != 0) {
      throw new AssertionError("openssl pubkey extraction failed: " + pub.out() + der.out());
    }
    return der.stdout();
  }

  /** Runs {@code openssl args} with {@code stdin} (none when null; then stderr is merged into stdout). */
  public Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary());
    cmd.addAll(List.of(args));
    return execute(stdin, cmd);
  }

  private static Result execute(byte[] stdin, List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(stdin == null).start();
    CompletableFuture<byte[]> err = stdin == null
        ? CompletableFuture.completedFuture(new byte[0])
        : CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    if (stdin != null) {
      p.getOutputStream().write(stdin);
    }
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    int exit = p.waitFor();
    String text = new String(out, StandardCharsets.ISO_8859_1) + new String(err.join(), StandardCharsets.ISO_8859_1);
    return new Result(exit, text, out);
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fields read from openssl's output; {@code sanParsed} false when openssl printed the SAN
   * extension as a raw dump (it does for names with NUL bytes).
   */
  public record View(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
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
    return new File("/usr/bin/openssl").canExecute() ? "/usr/bin/openssl" : "openssl";
  }

  /** openssl's view of {@code der}, or null when openssl cannot read it as a certificate. */
  public static View x509(byte[] der) {
    String out = stdout(der, binary(), "x509", "-inform", "DER", "-noout", "-text", "-subject", "-issuer",
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
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out)).toString();
    } catch (CharacterCodingException e) {
      return new String(out, StandardCharsets.ISO_8859_1);
    }
  }

  /** Runs a command with {@code stdin}; its stdout, or null if it exits non-zero. */
  private static String stdout(byte[] stdin, String... cmd) {
    try {
      Result r = execute(stdin, List.of(cmd));
      return r.exit() == 0 ? text(r.stdout()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("running " + cmd[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + cmd[0], e);
    }
  }
}
