package org.ctmon.alerts.match;

import org.ctmon.alerts.watch.IssuancePolicy;

/**
 * What the matcher needs of one stored watch list beyond its items.
 *
 * @param id the watch list
 * @param accountId its owner
 * @param name its owner's name for it, for the alert
 * @param policy its expected issuers, known keys and never-issue names
 * @param hasPolicy whether it says anything of issuers or keys: without, every match alerts as
 *     discovered (certspotter's behaviour); with, only unexpected and lookalike matches alert
 * @param alertHistory whether matches in what was stored before it was saved alert too
 */
record WatchedList(long id, long accountId, String name, IssuancePolicy policy, boolean hasPolicy,
                   boolean alertHistory) {}
