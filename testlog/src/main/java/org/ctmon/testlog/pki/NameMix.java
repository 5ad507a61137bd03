package org.ctmon.testlog.pki;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic certificate name sets drawn from a seed, in roughly the proportions CT logs show: mostly
 * one or two names (apex, {@code www}, apex + www), wildcard + apex pairs, service subdomains and
 * cPanel's eight-name sets, IDNs as A-labels, IP addresses rarely, hosting certificates with 10-40
 * names, occasionally 50-100 names, CN-only legacy certificates and certificates without a CN.
 * {@link #odd} adds the deliberately broken names of {@link OddName}.
 *
 * <p>Deterministic: the same seed yields the same sequence ({@link SplittableRandom}, whose algorithm
 * the JDK specifies). Never more than 100 SANs. Not thread-safe.
 */
public final class NameMix {
  static final int MAX_SANS = 100;
  private static final String[] SYLLABLES = {
    "ka", "lo", "vin", "tra", "mer", "sol", "ne", "ri", "bo", "dex", "qua", "zen", "fi", "mo", "lux", "pa",
    "ter", "von", "ak", "el", "ion", "ra", "su", "tek", "vi", "ha", "nor", "dal", "gri", "pen", "cor", "ly"
  };
  private static final String[] TLDS = {
    "com", "com", "com", "com", "com", "com", "com", "com", "com", "net", "net", "org", "org", "io", "de",
    "de", "co.uk", "fr", "nl", "app", "dev", "jp", "com.br", "ru", "pl", "xyz", "info", "shop", "example"
  };
  private static final String[] SERVICES = {
    "mail", "api", "cdn", "app", "portal", "vpn", "admin", "dev", "staging", "shop", "blog", "m", "static",
    "login", "auth", "git", "status", "docs", "smtp", "remote", "owa", "assets", "img", "test", "beta"
  };
  private static final String[] CPANEL = {
    "", "www.", "mail.", "cpanel.", "webmail.", "webdisk.", "cpcalendars.", "cpcontacts."
  };
  private static final String[] UNICODE_LABELS = {
    "bücher", "café", "köln", "zürich", "españa", "日本語", "пример", "δοκιμή", "москва", "北京", "résumé",
    "ñandú", "øl", "türkiye", "한국", "ελλάδα", "äpfel", "fußball-verein"
  };

  private final SplittableRandom random;

  /** A mix drawn from {@code seed}. */
  public NameMix(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next name set. */
  public Names next() {
    int roll = random.nextInt(1000);
    String d = domain();
    if (roll < 20) {
      return Names.commonNameOnly(random.nextBoolean() ? d : "www." + d);
    }
    List<String> names;
    if (roll < 370) {
      int k = random.nextInt(10);
      names = List.of(k < 4 ? d : k < 7 ? "www." + d : service() + "." + d);
    } else if (roll < 650) {
      names = random.nextInt(4) == 0 ? List.of("www." + d, d) : List.of(d, "www." + d);
    } else if (roll < 770) {
      names = random.nextInt(3) == 0 ? List.of(d, "*." + d) : List.of("*." + d, d);
    } else if (roll < 860) {
      names = services(d, 3 + random.nextInt(4));
    } else if (roll < 900) {
      names = new ArrayList<>();
      for (String prefix : CPANEL) {
        names.add(prefix + d);
      }
    } else if (roll < 940) {
      String idn = IDN.toASCII(UNICODE_LABELS[random.nextInt(UNICODE_LABELS.length)]) + "." + tld();
      names = random.nextBoolean() ? List.of(idn, "www." + idn) : List.of(IDN.toASCII("müller") + "." + d);
    } else if (roll < 950) {
      return ips(d);
    } else if (roll < 980) {
      names = hosting(10 + random.nextInt(31));
    } else if (roll < 990) {
      names = hosting(50 + random.nextInt(MAX_SANS - 50 + 1));
    } else {
      // A valid name too long for the 64-char CN upper bound: the CA leaves the CN out.
      names = List.of(label(4) + "-" + label(4) + "-" + label(4) + "." + label(4) + "-" + label(4) + "." + service() + "." + d, d);
    }
    Names n = Names.dns(names.toArray(new String[0]));
    if (n.commonName().isPresent() && random.nextInt(100) < 3) {
      return new Names(n.sans(), Optional.empty());
    }
    return n;
  }

  /** A name set holding one broken name of {@code kind} after a normal one; no CN, as the broken name might be it. */
  public Names odd(OddName kind) {
    String d = domain();
    String bad;
    switch (kind) {
      case SPACE -> bad = "bad name." + d;
      case NUL -> bad = "www." + d + "\0.evil.example";
      case EMPTY_LABEL -> bad = "a.." + d;
      case LONG_NAME -> {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 300 - d.length()) {
          sb.append("a".repeat(63)).append('.');
        }
        bad = sb + d;
      }
      case LONG_LABEL -> bad = "l".repeat(70) + "." + d;
      case NON_ASCII_BYTE -> bad = "caf\u00e9." + d;
      case TRAILING_DOT -> bad = d + ".";
      case UPPER_CASE -> bad = "WWW." + d.toUpperCase(Locale.ROOT);
      case UNDERSCORE -> bad = "_dmarc." + d;
      case INNER_WILDCARD -> bad = "www.*." + d;
      case EMPTY -> bad = "";
      default -> throw new AssertionError("unknown odd name " + kind);
    }
    return new Names(List.of(SanName.dns(d), SanName.dns(bad)), Optional.empty());
  }

  private Names ips(String d) {
    List<SanName> sans = new ArrayList<>();
    int k = random.nextInt(3);
    if (k != 0) {
      sans.add(SanName.dns(d));
    }
    String[] v4 = {"192.0.2.", "198.51.100.", "203.0.113."};
    sans.add(SanName.ip(v4[random.nextInt(3)] + (1 + random.nextInt(254))));
    if (k != 1) {
      sans.add(SanName.ip("2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + "::" + Integer.toHexString(1 + random.nextInt(0xffff))));
    }
    return new Names(sans, k == 0 ? Optional.empty() : Optional.of(d));
  }

  private List<String> services(String d, int count) {
    Set<String> names = new LinkedHashSet<>();
    if (random.nextBoolean()) {
      names.add(d);
    }
    while (names.size() < count) {
      names.add(service() + "." + d);
    }
    return List.copyOf(names);
  }

  private List<String> hosting(int count) {
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      String d = domain();
      names.add(d);
      if (names.size() < count) {
        names.add("www." + d);
      }
    }
    return List.copyOf(names);
  }

  private String domain() {
    String l = label(2 + random.nextInt(3));
    if (random.nextInt(8) == 0) {
      l = l + "-" + label(2);
    }
    return l + "." + tld();
  }

  private String tld() {
    return TLDS[random.nextInt(TLDS.length)];
  }

  private String service() {
    return SERVICES[random.nextInt(SERVICES.length)];
  }

  private String label(int syllables) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return sb.toString();
  }
}
