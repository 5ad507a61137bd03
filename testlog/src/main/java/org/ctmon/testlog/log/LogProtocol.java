package org.ctmon.testlog.log;

/** The read protocol a test log speaks: RFC 6962 ({@code ct/v1/get-entries}) or static-ct-api (tiles). */
public enum LogProtocol {
  /** RFC 6962: get-sth, get-entries and proofs under {@code <prefix>/ct/v1/}. */
  RFC6962,
  /**
   * C2SP static-ct-api: checkpoint, hash and data tiles and issuers under the monitoring prefix,
   * add-chain and add-pre-chain under the submission prefix; every entry carries a leaf_index
   * extension.
   */
  STATIC
}
