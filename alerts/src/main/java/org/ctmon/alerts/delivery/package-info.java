/**
 * Getting alerts out of the outbox: {@link org.ctmon.alerts.delivery.OutboxDelivery} claims due
 * rows, hands each to the channel of its recipient and records the {@link
 * org.ctmon.alerts.delivery.DeliveryResult}. The channels ({@code alerts.email},
 * {@code alerts.webhook}) implement the small interfaces this package owns, so the arrows point
 * one way: channels use this package, never the reverse.
 */
package org.ctmon.alerts.delivery;
