package org.ctmon.fetcher.loglist;

import java.nio.file.Path;

/**
 * Where the bytes of a log list come from: a file, the bundled snapshot, bytes already fetched
 * (from a URL, by the fetcher's HTTP client), optionally checked against a detached signature.
 *
 * <p>This is the seam between I/O and parsing: {@link #read()} does the I/O, {@link #load()} hands
 * the bytes to {@link LogListParser}. Sources are immutable and may be read many times (a refresh
 * re-reads a file).
 */
public interface LogListSource {

  /** Names the source in messages and in {@link LogList#source()}: "file /x/list.json". */
  String name();

  /**
   * Reads the bytes, every call anew.
   *
   * @throws UnableToReadLogListException when they cannot be read
   * @throws UnableToVerifyLogListException when a signed source's signature does not verify
   */
  byte[] read();

  /** Reads and parses the list. */
  default LogList load() {
    return LogListParser.parse(read(), name());
  }

  /** The file at {@code path}. */
  static LogListSource file(Path path) {
    return new FileSource(path);
  }

  /** Bytes already in hand (a fetched response body, a test fixture); {@code name} says where from. */
  static LogListSource of(String name, byte[] bytes) {
    return new BytesSource(name, bytes);
  }

  /**
   * {@code list}, trusted only when {@code signature} is its valid signature under {@code key}:
   * {@link #read()} reads both and throws {@link UnableToVerifyLogListException} otherwise.
   */
  static LogListSource signed(LogListSource list, LogListSource signature, LogListSigningKey key) {
    return new SignedSource(list, signature, key);
  }

  /**
   * The snapshot shipped inside ctmon (Chrome's all_logs_list.json v89.25 of 2026-08-20; see the
   * README next to it), verified against its bundled signature and Google's list-signing key on
   * every read. The fallback when the configured list cannot be loaded.
   */
  static LogListSource bundled() {
    return signed(
        ResourceSource.of("all_logs_list.json"),
        ResourceSource.of("all_logs_list.sig"),
        LogListSigningKey.google());
  }
}

