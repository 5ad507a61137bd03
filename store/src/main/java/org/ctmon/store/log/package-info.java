/**
 * The logs ctmon follows: their identity from the log list, their stored position and compact
 * range, the tree heads they served (evidence) and the misbehaviour found in them.
 */
package org.ctmon.store.log;
