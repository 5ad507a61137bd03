package org.ctmon.testlog.pki;

/**
 * Names broken CAs have really written into dNSName entries, for fault tests: a monitor must keep,
 * report and never crash on them. {@link NameMix#odd} puts one next to a normal name.
 */
public enum OddName {
  /** A space inside a label: {@code bad name.example.com}. */
  SPACE,
  /** A NUL byte, the 2009 null-prefix attack: {@code www.example.com\0.evil.example}. */
  NUL,
  /** An empty label: {@code a..example.com}. */
  EMPTY_LABEL,
  /** A 300-byte name of valid labels, over the 253-byte limit. */
  LONG_NAME,
  /** A 70-byte label, over the 63-byte limit. */
  LONG_LABEL,
  /** A raw Latin-1 byte 0xE9 where an A-label belongs: {@code caf\xe9.example.com}. */
  NON_ASCII_BYTE,
  /** A fully qualified name with its trailing dot: {@code example.com.}. */
  TRAILING_DOT,
  /** Upper case, valid but to be normalized: {@code WWW.Example.COM}. */
  UPPER_CASE,
  /** An underscore label: {@code _dmarc.example.com}. */
  UNDERSCORE,
  /** A wildcard not in the leftmost label: {@code www.*.example.com}. */
  INNER_WILDCARD,
  /** A zero-length dNSName. */
  EMPTY
}
