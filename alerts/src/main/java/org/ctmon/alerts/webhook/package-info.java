/**
 * Webhook notifications: the body for each format (ctmon JSON, Slack, Teams), Standard Webhooks
 * and GitHub-style signatures, and a transport that refuses private targets both when a webhook
 * is saved and at connect time, so a user-supplied URL cannot reach the monitor's own network.
 */
package org.ctmon.alerts.webhook;
