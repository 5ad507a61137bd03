package org.ctmon.web.api;

/** Small checks on text from requests, shared by the account API's validators. */
final class ApiText {
  private ApiText() {}

  /** Whether {@code s} has a C0 control character or DEL. */
  static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** At most 100 characters of {@code s} for an error message, with an ellipsis when cut. */
  static String clip(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "…";
  }
}
