package org.ctmon.testlog.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ctmon.parser.Der;

/** Runs /usr/bin/openssl on certificates written to a temporary directory: the independent judge of what we issue. */
final class Openssl {
  private static final String OPENSSL = "/usr/bin/openssl";
  private final Path dir;
  private int files;

  Openssl(Path dir) {
    this.dir = dir;
  }

  /** What openssl exited with and printed. */
  record Result(int exit, String out, byte[] stdout) {}

  /** Writes {@code certs} as one PEM file and returns its path. */
  Path pem(Der... certs) throws IOException {
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
  String text(Der cert) throws IOException, InterruptedException {
    Result r = run(null, "x509", "-in", pem(cert).toString(), "-text", "-noout");
    if (r.exit() != 0) {
      throw new AssertionError("openssl x509 -text failed: " + r.out());
    }
    return r.out();
  }

  /** The DER SubjectPublicKeyInfo openssl extracts: {@code x509 -pubkey -noout | pkey -pubin -outform DER}. */
  byte[] spkiDer(Der cert) throws IOException, InterruptedException {
    Result pub = run(null, "x509", "-in", pem(cert).toString(), "-pubkey", "-noout");
    Result der = run(pub.stdout(), "pkey", "-pubin", "-outform", "DER");
    if (pub.exit() != 0 || der.exit() != 0) {
      throw new AssertionError("openssl pubkey extraction failed: " + pub.out() + der.out());
    }
    return der.stdout();
  }

  Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(OPENSSL);
    cmd.addAll(List.of(args));
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
      throw new java.io.UncheckedIOException(e);
    }
  }
}
