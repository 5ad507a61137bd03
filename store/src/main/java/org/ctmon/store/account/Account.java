package org.ctmon.store.account;

import java.time.Instant;

/**
 * An account: who owns watch lists, webhooks, tokens and alerts.
 *
 * @param id the account's id
 * @param email login and contact address, lower case
 * @param admin whether it may administer ctmon
 * @param disabled whether it is locked out (tokens and sessions stop working)
 * @param createdAt when it was created
 */
public record Account(long id, String email, boolean admin, boolean disabled, Instant createdAt) {}
