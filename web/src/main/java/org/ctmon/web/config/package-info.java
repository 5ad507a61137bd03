/**
 * Configuration: one YAML file ({@code --config}, default {@code ./ctmon.yaml} when present), every
 * key overridable by an environment variable ({@code http.port} → {@code CTMON_HTTP_PORT},
 * {@code logs.pollInterval} → {@code CTMON_LOGS_POLL_INTERVAL}), validated once at start into the
 * immutable {@link org.ctmon.web.config.Config} record tree. Every key, its default and its meaning
 * is declared once in {@link org.ctmon.web.config.Settings}; {@code docs/config.md} is checked
 * against it by a test.
 */
package org.ctmon.web.config;
