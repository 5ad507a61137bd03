/**
 * {@code ctmon serve}: the monitor assembled from its rooms. Loads the configuration and the log
 * list, opens the store, starts one follower per log on a Quartz schedule, and serves the web UI
 * and API. The one place where fetcher, store and (later) alerts are wired together.
 */
package org.ctmon.web.serve;
