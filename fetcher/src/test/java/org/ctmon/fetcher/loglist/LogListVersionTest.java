package org.ctmon.fetcher.loglist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class LogListVersionTest {
  private static int compare(String a, String b) {
    return Integer.signum(new LogListVersion(a).compareTo(new LogListVersion(b)));
  }

  @Test
  void comparesDottedPartsAsNumbersNotText() {
    assertEquals(1, compare("89.25", "89.9"));
    assertEquals(1, compare("89.25", "83.1"));
    assertEquals(-1, compare("9.0", "10.0"));
    assertEquals(0, compare("89.025", "89.25"));
  }

  @Test
  void aPrefixIsOlder() {
    assertEquals(-1, compare("89", "89.1"));
  }

  @Test
  void comparesNonNumericPartsAsTextAndHugeNumbersWithoutOverflow() {
    assertTrue(compare("1.beta", "1.alpha") > 0);
    assertEquals(1, compare("123456789012345678901234567890", "99"));
  }
}
