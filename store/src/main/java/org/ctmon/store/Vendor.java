package org.ctmon.store;

/** The two databases ctmon runs on; the schema and SQL are shared, the URL settings differ. */
public enum Vendor {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  Vendor(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** The vendor of a JDBC URL. */
  public static Vendor of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("not an H2 or PostgreSQL JDBC URL: " + jdbcUrl);
  }

  /** Flyway location of the migrations only this vendor runs (besides the common ones). */
  String vendorLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }

  /**
   * The URL with the settings the store relies on. H2: PostgreSQL mode (for
   * {@code ON CONFLICT DO NOTHING}), lower-case identifiers like PostgreSQL, no server process.
   * Settings the user wrote are kept; only missing ones are added.
   */
  String completeUrl(String url) {
    if (this != H2) {
      return url;
    }
    String upper = url.toUpperCase(java.util.Locale.ROOT);
    StringBuilder b = new StringBuilder(url);
    if (!upper.contains(";MODE=")) {
      b.append(";MODE=PostgreSQL");
    }
    if (!upper.contains(";DATABASE_TO_LOWER=")) {
      b.append(";DATABASE_TO_LOWER=TRUE");
    }
    if (!upper.contains(";DEFAULT_NULL_ORDERING=")) {
      b.append(";DEFAULT_NULL_ORDERING=HIGH");
    }
    return b.toString();
  }
}
