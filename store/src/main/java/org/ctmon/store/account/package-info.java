/**
 * Accounts and how they prove who they are: passwords (Argon2id; older PBKDF2 hashes
 * still verify and are replaced at sign-in), API tokens and
 * browser sessions, the latter two stored only as SHA-256 hashes of high-entropy secrets.
 */
package org.ctmon.store.account;
