/**
 * Moving a ctmon database to another one ({@code ctmon migrate}, H2 to PostgreSQL): every table
 * copied row by row into a freshly migrated target, and the copy proven by row counts and by every
 * log's compact Merkle range, whose root is recomputed on both sides.
 */
package org.ctmon.store.copy;
