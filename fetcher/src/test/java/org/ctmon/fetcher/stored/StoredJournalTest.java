package org.ctmon.fetcher.stored;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.LogIncident;
import org.ctmon.store.log.IncidentKind;
import org.ctmon.store.log.LogStatus;
import org.junit.jupiter.api.Test;

final class StoredJournalTest {
  @Test
  void everyIncidentAndStoredStatusHasItsNamesakeOnTheOtherSide() {
    for (LogIncident i : LogIncident.values()) {
      assertEquals(i.name(), StoredJournal.incidentKind(i).name());
    }
    assertEquals(IncidentKind.values().length, LogIncident.values().length);
    for (LogStatus s : LogStatus.values()) {
      assertEquals(s, StoredJournal.status(StoredJournal.health(s)));
    }
    assertEquals(LogStatus.FAILING, StoredJournal.status(FollowerHealth.BACKING_OFF), "backing off is not stored");
  }
}
