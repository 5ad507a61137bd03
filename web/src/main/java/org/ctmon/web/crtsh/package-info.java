/**
 * crt.sh-compatible JSON search ({@code GET /json?q=}, {@code GET /?q=&output=json}): crt.sh's
 * field names, types and name semantics over ctmon's own store, so scripts written for crt.sh run
 * unchanged. What differs from crt.sh (our own ids, one row per issuance, the result cap) is in
 * the README's "crt.sh-compatible JSON" section.
 */
package org.ctmon.web.crtsh;
