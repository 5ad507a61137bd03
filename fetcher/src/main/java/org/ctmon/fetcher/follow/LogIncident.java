package org.ctmon.fetcher.follow;

/**
 * What a log was caught doing: a head whose signature does not verify (proves nothing about the
 * log, recorded once per head), or misbehaviour its key signed, which stops the log.
 */
public enum LogIncident {
  BAD_SIGNATURE,
  ROOT_MISMATCH,
  SPLIT_VIEW,
  INCONSISTENT
}
