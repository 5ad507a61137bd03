package org.ctmon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class ReversedNameTest {
  @Test
  void reversesLabelsAndIsItsOwnInverse() {
    assertEquals("com.example.www", ReversedName.reverse("www.example.com"));
    assertEquals("com.example.*", ReversedName.reverse("*.example.com"));
    assertEquals("localhost", ReversedName.reverse("localhost"));
    for (String n : new String[] {"a..b", ".example.com", "example.com.", "", ".", "x"}) {
      assertEquals(n, ReversedName.reverse(ReversedName.reverse(n)), n);
    }
  }

  @Test
  void subdomainRangeHoldsSubdomainsAndNothingElse() {
    String from = ReversedName.subdomainsFrom("example.com");
    String until = ReversedName.subdomainsUntil("example.com");
    for (String in : new String[] {"www.example.com", "*.example.com", "a.b.example.com", "-.example.com"}) {
      String k = ReversedName.key(in);
      assertTrue(k.compareTo(from) >= 0 && k.compareTo(until) < 0, in);
    }
    for (String out : new String[] {"example.com", "notexample.com", "example.com.evil", "example-com.net",
        "www.example.co", "www.example.comx", "x.example-x.com"}) {
      String k = ReversedName.key(out);
      assertTrue(k.compareTo(from) < 0 || k.compareTo(until) >= 0, out);
    }
  }

  @Test
  void coveringWildcardReplacesTheFirstLabel() {
    assertEquals("com.example.*", ReversedName.coveringWildcardKey("www.example.com"));
    assertEquals("com.*", ReversedName.coveringWildcardKey("example.com"));
    assertNull(ReversedName.coveringWildcardKey("localhost"));
  }
}
