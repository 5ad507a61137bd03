package org.ctmon.alerts.watch;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.DnsName;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.TestPki;

/** Certificates for the watch tests: real ones from the corpus, made ones from the test PKI. */
final class Certs {
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
  private static TestPki pki;

  private Certs() {}

  /** The facts of the first certificate in corpus file {@code rel}. */
  static CertificateFacts corpus(String rel) {
    Matcher m = PEM.matcher(Corpus.text(rel));
    if (!m.find()) {
      throw new IllegalStateException("no certificate in " + rel);
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    return CertificateDecoder.fromCertificate(Der.of(der)).facts();
  }

  /** The facts of a plain certificate for {@code names} issued by the test PKI's R10. */
  static synchronized CertificateFacts issued(Names names) {
    if (pki == null) {
      pki = TestPki.create(6962);
    }
    IssuanceRequest r = IssuanceRequest.simple(names, "R10", IssuanceStyle.PLAIN, List.of(),
        Instant.parse("2026-12-06T00:00:00Z"));
    return CertificateDecoder.fromCertificate(pki.issue(r).x509().certificate()).facts();
  }

  static List<String> dnsNames(CertificateFacts f) {
    return f.dnsNames().stream().map(DnsName::name).toList();
  }
}
