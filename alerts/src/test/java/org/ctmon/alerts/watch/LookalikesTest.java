package org.ctmon.alerts.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctmon.parser.x509.DnsName;
import org.junit.jupiter.api.Test;

final class LookalikesTest {
  private static final Matcher BANK = Matcher.of(List.of(
      new WatchTarget(7, 70, List.of(WatchItem.parse(".mybank.example")), true),
      new WatchTarget(8, 80, List.of(WatchItem.parse(".mybank.example")), false)));

  private static List<Hit> hits(String name) {
    return BANK.match(List.of(name), List.of());
  }

  private static List<String> reasons(String name) {
    List<Hit> h = hits(name);
    return h.isEmpty() ? List.of() : h.get(0).lookalikeReasons();
  }

  @Test
  void watchedLabelAtAWordBoundaryIsFlagged() {
    assertEquals(List.of(new Hit(7, 70, List.of(), true, List.of("contains mybank"))), hits("mybank-login.example"));
    assertEquals(List.of("contains mybank"), reasons("login-mybank.test"));
    assertEquals(List.of("contains mybank"), reasons("mybank.example.evil.test"));
  }

  @Test
  void typosOfTheRegistrableLabelAreFlagged() {
    assertEquals(List.of("one typo from mybank"), reasons("mybamk.example")); // substitution
    assertEquals(List.of("one typo from mybank"), reasons("mybnk.example")); // deletion
    assertEquals(List.of("one typo from mybank"), reasons("myybank.com")); // insertion
    assertEquals(List.of("one typo from mybank"), reasons("ymbank.example")); // transposition
    assertEquals(List.of("one typo from mybank"), reasons("www.rnybank-login.example")); // rn for m
  }

  @Test
  void aTypoInOneWordOfAHyphenatedLabelIsNotFlagged() {
    // typists mistype the domain they mean, not a word inside a made-up one: too loose on real names
    assertEquals(List.of(), hits("mybamk-login.example"));
    assertEquals(List.of(), hits("secure.mybnk-online.test"));
    assertEquals(List.of("contains mybank"), reasons("mybank-onlime.example"));
  }

  @Test
  void idnLabelIsFoundUnderAnotherSuffix() {
    Matcher m = Matcher.of(List.of(new WatchTarget(1, 1, List.of(WatchItem.parse(".bücher.example")), true)));
    assertEquals(List.of("contains xn--bcher-kva"),
        m.match(List.of("xn--bcher-kva.test"), List.of()).get(0).lookalikeReasons());
    assertEquals(List.of(), m.match(List.of("www.xn--bcher-kva.example"), List.of()).get(0).lookalikeReasons());
  }

  @Test
  void cyrillicHomographInALabelFormIsFlagged() {
    String homograph = DnsName.parse("m\u0443bank.example").name();
    assertTrue(homograph.startsWith("xn--"), homograph);
    assertTrue(reasons(homograph).contains("homoglyph of mybank.example"), reasons(homograph).toString());
  }

  @Test
  void watchedDomainItsSubdomainsAndUnrelatedNamesAreNotFlagged() {
    assertEquals(List.of(new Hit(7, 70, List.of(".mybank.example"), false, List.of()),
        new Hit(8, 80, List.of(".mybank.example"), false, List.of())), hits("www.mybank.example"));
    assertEquals(List.of(), hits("example.org"));
    assertEquals(List.of(), hits("yourbank.example"));
    assertEquals(List.of(), hits("mybankers.example"));
    assertEquals(List.of(), hits("bank.example"));
  }

  @Test
  void exactItemDoesNotFlagItsOwnSubdomains() {
    Matcher m = Matcher.of(List.of(new WatchTarget(1, 1, List.of(WatchItem.parse("mybank.example")), true)));
    assertEquals(List.of(), m.match(List.of("login.mybank.example"), List.of()));
  }

  @Test
  void shortLabelsAreNeitherSearchedNorTypoChecked() {
    Matcher m = Matcher.of(List.of(new WatchTarget(1, 1, List.of(WatchItem.parse(".abc.example"),
        WatchItem.parse(".acme.example")), true)));
    assertEquals(List.of(), m.match(List.of("abc-login.test", "abd.example", "acne.example"), List.of()));
    assertEquals("contains acme", m.match(List.of("acme-login.test"), List.of()).get(0).lookalikeReasons().get(0));
  }

  @Test
  void normalHitKeepsLookalikeReasonsOfOtherNames() {
    Hit h = BANK.match(List.of("mybank.example", "mybank-secure.test"), List.of()).get(0);
    assertEquals(List.of(".mybank.example"), h.watchItems());
    assertFalse(h.lookalikeOnly());
    assertEquals(List.of("contains mybank"), h.lookalikeReasons());
  }

  @Test
  void hashOfEachDeletionIsTheHashOfTheDeletedLabel() {
    for (String s : List.of("mybank", "aab", "kalovin", "b\u00fccher")) {
      long[] h = Lookalikes.hashes(s);
      List<String> d = Lookalikes.deletions(s);
      for (int i = 0; i < d.size(); i++) {
        assertEquals(Lookalikes.hashes(d.get(i))[0], h[i + 1], s + " without " + i);
      }
    }
    assertTrue(Lookalikes.hashes("ab")[0] != Lookalikes.hashes("ba")[0]);
  }

  @Test
  void oneEditIsDamerauDistanceOne() {
    assertTrue(Lookalikes.oneEdit("mybank", "mybamk"));
    assertTrue(Lookalikes.oneEdit("mybank", "ymbank"));
    assertTrue(Lookalikes.oneEdit("mybank", "mybankk"));
    assertTrue(Lookalikes.oneEdit("mybank", "mybnk"));
    assertFalse(Lookalikes.oneEdit("mybank", "mybank"));
    assertFalse(Lookalikes.oneEdit("mybank", "ybmank"));
    assertFalse(Lookalikes.oneEdit("mybank", "mbyakn"));
    assertFalse(Lookalikes.oneEdit("mybank", "mybankers"));
  }
}
