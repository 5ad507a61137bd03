package org.ctmon.fetcher.loglist;

import java.nio.file.Path;

/**
 * The real log lists of the shared corpus ({@code loglist/}), found through the {@code ctmon.corpus}
 * property the build sets (the parser module's {@code Corpus} fixture is test scope there, so not
 * visible here). A missing corpus fails loudly.
 */
final class LogListCorpus {
  static final String V89_25 = "chrome_v3_all_logs_list_v89.25_2026-08-20";
  static final String V83_1 = "chrome_v3_all_logs_list_v83.1_2026-01-29";
  static final String V81_14 = "chrome_v3_log_list_v81.14_2026-01-20";
  static final String V2_2020 = "chrome_v2_log_list_2020";
  static final String APPLE = "apple_current_log_list";
  static final String CRTSH = "crtsh_all_logs_list";
  static final String MOZILLA = "mozilla_known_logs_list";
  static final String GOOGLE_KEY = "chrome_log_list_pubkey.pem";

  private LogListCorpus() {}

  static Path path(String file) {
    return org.ctmon.parser.Corpus.path("loglist/" + file);
  }

  static byte[] bytes(String file) {
    return org.ctmon.parser.Corpus.bytes("loglist/" + file);
  }

  static byte[] json(String list) {
    return bytes(list + ".json");
  }

  static byte[] sig(String list) {
    return bytes(list + ".sig");
  }

  static LogList parse(String list) {
    return LogListParser.parse(json(list), list);
  }
}
