package org.ctmon.fetcher.loglist;

/** A list whose bytes are released only after its detached signature verifies. */
record SignedSource(LogListSource list, LogListSource signature, LogListSigningKey key)
    implements LogListSource {
  @Override
  public String name() {
    return list.name();
  }

  @Override
  public byte[] read() {
    byte[] json = list.read();
    key.verify(json, signature.read(), list.name());
    return json;
  }
}
