package org.ctmon.web.serve;

import java.util.ArrayList;
import java.util.List;
import org.ctmon.web.config.Config;

/**
 * What an edit of the configuration file changes in a running monitor: the keys that apply at once
 * (the logs followed and their fetch limits, which only shape followers) and those that need a
 * restart (ports, database, retention, intervals, the list source and the HTTP client's settings,
 * which are built once at start).
 *
 * @param effective the running configuration with the edit's live keys applied
 * @param needRestart the changed keys that apply only after a restart, as the file names them
 */
record ConfigChange(Config effective, List<String> needRestart) {
  ConfigChange {
    needRestart = List.copyOf(needRestart);
  }

  /** The change from {@code running} to {@code edited}. */
  static ConfigChange between(Config running, Config edited) {
    List<String> restart = new ArrayList<>();
    if (!edited.http().equals(running.http())) {
      restart.add("http.*");
    }
    if (!edited.database().equals(running.database())) {
      restart.add("database.*");
    }
    if (!edited.retention().equals(running.retention())) {
      restart.add("retention.*");
    }
    if (!edited.logs().list().equals(running.logs().list())) {
      restart.add("logs.list");
    }
    if (edited.logs().listSignature() != running.logs().listSignature()) {
      restart.add("logs.listSignature");
    }
    if (!edited.logs().pollInterval().equals(running.logs().pollInterval())) {
      restart.add("logs.pollInterval");
    }
    if (!edited.logs().listRefreshInterval().equals(running.logs().listRefreshInterval())) {
      restart.add("logs.listRefreshInterval");
    }
    if (!edited.fetch().contact().equals(running.fetch().contact())) {
      restart.add("fetch.contact");
    }
    if (!edited.fetch().timeout().equals(running.fetch().timeout())) {
      restart.add("fetch.timeout");
    }
    if (edited.fetch().totalParallelism() != running.fetch().totalParallelism()) {
      restart.add("fetch.totalParallelism");
    }
    if (edited.fetch().memoryBudget() != running.fetch().memoryBudget()) {
      restart.add("fetch.memoryBudget");
    }
    Config.Logs logs = new Config.Logs(running.logs().list(), running.logs().listSignature(), edited.logs().states(), edited.logs().includeTestLogs(),
        edited.logs().include(), edited.logs().exclude(), edited.logs().startAt(), running.logs().pollInterval(),
        running.logs().listRefreshInterval());
    Config.Fetch fetch = new Config.Fetch(running.fetch().contact(), edited.fetch().batchSize(),
        edited.fetch().parallelism(), edited.fetch().requestsPerSecond(), running.fetch().totalParallelism(),
        running.fetch().memoryBudget(), running.fetch().timeout(), edited.fetch().perLog());
    if (!edited.alerts().equals(running.alerts())) {
      restart.add("alerts.*");
    }
    if (!edited.cluster().equals(running.cluster())) {
      restart.add("cluster.*");
    }
    return new ConfigChange(new Config(running.http(), running.database(), running.retention(), logs, fetch,
        running.alerts(), running.cluster()), restart);
  }
}
