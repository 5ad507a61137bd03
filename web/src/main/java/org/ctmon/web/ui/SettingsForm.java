package org.ctmon.web.ui;

import java.util.Map;
import java.util.Objects;

/**
 * The settings page's "add" forms as typed, and what is wrong with them. A webhook's secret is
 * never typed back into the page.
 *
 * @param errors field ({@code address}, {@code url}, {@code format}, {@code secret}, {@code label})
 *     to its message
 */
record SettingsForm(String address, String url, String format, String label, Map<String, String> errors) {
  SettingsForm {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(label, "label");
    errors = Map.copyOf(errors);
  }

  static SettingsForm empty() {
    return new SettingsForm("", "", "json", "", Map.of());
  }

  static SettingsForm recipient(String address, String error) {
    return new SettingsForm(address, "", "json", "", Map.of("address", error));
  }

  static SettingsForm webhook(String url, String format, String field, String error) {
    return new SettingsForm("", url, format, "", Map.of(field, error));
  }

  static SettingsForm token(String label, String error) {
    return new SettingsForm("", "", "json", label, Map.of("label", error));
  }

  /** The field's message, empty when it is fine (for the template). */
  String errorOf(String field) {
    return errors.getOrDefault(field, "");
  }
}
