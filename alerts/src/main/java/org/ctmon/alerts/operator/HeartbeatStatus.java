package org.ctmon.alerts.operator;

/**
 * What a heartbeat tells the outside monitor besides "alive", so it can also alert on "alive but
 * not working".
 *
 * @param logsFollowed logs ctmon follows
 * @param logsFailing of those, how many are stopped or failing now
 * @param alertsPending alerts in the outbox not delivered yet
 */
public record HeartbeatStatus(int logsFollowed, int logsFailing, long alertsPending) {
  public HeartbeatStatus {
    if (logsFollowed < 0 || logsFailing < 0 || logsFailing > logsFollowed || alertsPending < 0) {
      throw new IllegalArgumentException("a heartbeat status needs 0 <= failing (" + logsFailing + ") <= followed ("
          + logsFollowed + ") and pending alerts >= 0 (" + alertsPending + ")");
    }
  }
}
