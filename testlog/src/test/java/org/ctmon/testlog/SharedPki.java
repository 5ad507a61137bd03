package org.ctmon.testlog;

import org.ctmon.testlog.pki.TestPki;

/** One PKI for every server test of the run: its RSA keys take seconds to make. */
final class SharedPki {
  static final long SEED = 6962;
  static final TestPki PKI = TestPki.create(SEED);

  private SharedPki() {}
}
