package org.ctmon.web.ui;

import java.util.List;
import java.util.Objects;

/**
 * What the layout needs: the title, which part of the nav is current, and who is signed in
 * ({@code null} for an anonymous visitor of a public page).
 */
record Page(String title, Section section, Visitor visitor) {
  /** The parts of the nav, in order. */
  enum Section {
    DASHBOARD("Dashboard", "/"),
    WATCHLISTS("Watch lists", "/watchlists"),
    ALERTS("Alerts", "/alerts"),
    SEARCH("Search", "/search"),
    SETTINGS("Settings", "/settings"),
    ADMIN("Admin", "/admin"),
    NONE("", "");

    final String label;
    final String path;

    Section(String label, String path) {
      this.label = label;
      this.path = path;
    }

    String label() {
      return label;
    }

    String path() {
      return path;
    }
  }

  Page {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
  }

  /** The nav entries a visitor may use: everything when signed in, search otherwise. */
  List<Section> nav() {
    return visitor == null ? List.of(Section.SEARCH)
        : visitor.admin()
        ? List.of(Section.DASHBOARD, Section.WATCHLISTS, Section.ALERTS, Section.SEARCH, Section.SETTINGS, Section.ADMIN)
        : List.of(Section.DASHBOARD, Section.WATCHLISTS, Section.ALERTS, Section.SEARCH, Section.SETTINGS);
  }

  boolean signedIn() {
    return visitor != null;
  }

  /** The CSRF token for this page's forms; empty for anonymous visitors (their only form is a GET). */
  String csrf() {
    return visitor == null ? "" : visitor.csrf();
  }
}
