package org.ctmon.parser.x509;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ctmon.parser.Sha256;

/** The facts gathered so far while decoding one certificate; any field may still be null. */
final class FactsBuilder {
  Sha256 tbsSha256;
  Sha256 certSha256;
  private final List<DnsName> dnsNames = new ArrayList<>(8);
  private final List<String> ipAddresses = new ArrayList<>(0);
  String subject;
  String issuer;
  String issuerCommonName;
  String issuerOrganization;
  String serial;
  Instant notBefore;
  Instant notAfter;
  Sha256 spkiSha256;
  PublicKeyFacts publicKey;
  String signatureAlgorithm;
  boolean isCa;
  boolean precertificate;
  final List<EmbeddedSct> embeddedScts = new ArrayList<>(3);
  private final List<String> problems = new ArrayList<>(0);
  /** Why the certificate could not be decoded in full, or null. */
  String fatal;

  void problem(String p) {
    if (!problems.contains(p)) {
      problems.add(p);
    }
  }

  List<String> problems() {
    return problems;
  }

  /** Adds a SAN dNSName as written (normalized, never dropped). */
  void addDnsName(String raw) {
    dnsNames.add(DnsName.of(raw));
  }

  /**
   * Adds a subject common name when it is a host name or an IP address; other CNs ("Example CA")
   * are not names. Unicode host names are converted to A-labels. Control characters such as NUL
   * do not disqualify a CN: {@code www.bank.com\0.evil.com} is an attack on exactly the names a
   * monitor watches, so it is kept (and flagged by {@link DnsName}).
   */
  void addCommonName(String cn) {
    String ip = IpAddressText.parse(cn);
    if (ip != null) {
      addIp(ip);
      return;
    }
    String s = cn;
    boolean ascii = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        ascii = false;
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '*' || c < 0x20)) {
        return;
      }
    }
    if (s.indexOf('.') <= 0 || s.startsWith(".")) {
      return;
    }
    if (!ascii) {
      try {
        s = java.net.IDN.toASCII(s, java.net.IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        return;
      }
    }
    dnsNames.add(DnsName.of(s));
  }

  void addIp(String text) {
    ipAddresses.add(text);
  }

  CertificateFacts build() {
    return new CertificateFacts(tbsSha256, certSha256, sortedUnique(dnsNames), sortedUnique(ipAddresses),
        subject, issuer, issuerCommonName, issuerOrganization, serial, notBefore, notAfter,
        spkiSha256, publicKey, signatureAlgorithm, isCa, precertificate, embeddedScts, problems);
  }

  FactsResult result() {
    CertificateFacts f = build();
    return fatal == null ? new FactsResult.Parsed(f) : new FactsResult.Malformed(fatal, f);
  }

  private static <T extends Comparable<T>> List<T> sortedUnique(List<T> in) {
    if (in.size() <= 1) {
      return in;
    }
    List<T> out = new ArrayList<>(in);
    Collections.sort(out);
    int w = 1;
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).compareTo(out.get(w - 1)) != 0) {
        out.set(w++, out.get(i));
      }
    }
    return out.subList(0, w);
  }
}
