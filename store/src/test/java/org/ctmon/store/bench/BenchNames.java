package org.ctmon.store.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Benchmark fixture: realistic DNS names. The registrable domains of the corpus certificates'
 * SAN DNS names (read with {@code openssl x509 -ext subjectAltName}) are mixed with generated
 * ones, and each issuance gets about three names: the apex or a wildcard, {@code www} and a
 * random service or host label, as most certificates in CT logs do. Seeded: the same seed
 * gives the same names.
 */
public final class BenchNames {
  private static final String[] LABELS = {"www", "mail", "api", "app", "cdn", "dev", "staging", "vpn", "portal",
      "shop", "blog", "m", "static", "auth", "login", "admin", "git", "ci", "docs", "status", "test", "beta"};
  private static final String[] TLDS = {"com", "net", "org", "de", "io", "co.uk", "fr", "nl", "app", "dev", "xyz",
      "com.br", "jp", "ru", "info"};
  private static final String ALPHA = "abcdefghijklmnopqrstuvwxyz0123456789";
  private final Random random;
  private final List<String> corpusDomains;
  private final int domains;

  /** @param domains how many distinct registrable domains to draw from */
  public BenchNames(long seed, int domains, List<String> corpusDomains) {
    this.random = new Random(seed);
    this.domains = domains;
    this.corpusDomains = corpusDomains;
  }

  /**
   * The registrable domains (last two labels) of every SAN DNS name in the corpus certificates
   * that the JDK's X.509 parser reads (the corpus's deliberately broken ones are skipped).
   */
  public static List<String> corpusDomains(Path corpus) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    List<Path> pems;
    try (Stream<Path> s = Files.walk(corpus.resolve("certs"))) {
      pems = s.filter(p -> p.toString().endsWith(".pem")).toList();
    }
    CertificateFactory x509;
    try {
      x509 = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
    for (Path pem : pems) {
      Collection<List<?>> sans;
      try (var in = Files.newInputStream(pem)) {
        var cert = (X509Certificate) x509.generateCertificate(in);
        sans = cert.getSubjectAlternativeNames();
      } catch (CertificateException | RuntimeException unreadable) {
        continue;
      }
      for (List<?> san : sans == null ? List.<List<?>>of() : sans) {
        if (!Integer.valueOf(2).equals(san.get(0)) || !(san.get(1) instanceof String dns)
            || !dns.matches("[A-Za-z0-9*._-]+")) {
          continue;
        }
        String[] labels = dns.toLowerCase(Locale.ROOT).split("\\.");
        if (labels.length >= 2 && !labels[labels.length - 2].contains("*")) {
          out.add(labels[labels.length - 2] + "." + labels[labels.length - 1]);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The domain of the next issuance. A skewed draw: a few domains get many certificates (like
   * the big hosting and CDN customers in CT), most get a handful.
   */
  public String nextDomain() {
    double u = random.nextDouble();
    int k = (int) (domains * u * u * u);
    if (k < corpusDomains.size() && random.nextInt(4) == 0) {
      return corpusDomains.get(k);
    }
    return domainName(k);
  }

  /** The k-th generated domain. */
  static String domainName(int k) {
    Random r = new Random(k * 0x9E3779B97F4A7C15L);
    int len = 4 + r.nextInt(10);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      b.append(ALPHA.charAt(r.nextInt(26)));
    }
    if (r.nextInt(5) == 0) {
      b.append('-').append(ALPHA.charAt(r.nextInt(ALPHA.length()))).append(r.nextInt(1000));
    }
    return b.append(k).append('.').append(TLDS[r.nextInt(TLDS.length)]).toString();
  }

  /** About three names for one issuance of {@code domain}. */
  public List<String> namesFor(String domain) {
    List<String> names = new ArrayList<>(3);
    if (random.nextInt(5) == 0) {
      names.add("*." + domain);
      names.add(domain);
    } else {
      names.add(domain);
      names.add("www." + domain);
    }
    String label = random.nextInt(3) == 0 ? randomLabel() : LABELS[random.nextInt(LABELS.length)];
    if (random.nextInt(4) == 0) {
      label = label + "." + randomLabel();
    }
    names.add(label + "." + domain);
    return names;
  }

  private String randomLabel() {
    int len = 3 + random.nextInt(12);
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      b.append(ALPHA.charAt(random.nextInt(ALPHA.length())));
    }
    return b.toString();
  }
}
