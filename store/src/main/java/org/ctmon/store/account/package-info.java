/**
 * Accounts and how they prove who they are: passwords (PBKDF2-HMAC-SHA256), API tokens and
 * browser sessions, the latter two stored only as SHA-256 hashes of high-entropy secrets.
 */
package org.ctmon.store.account;
