package org.ctmon.store.account;

/**
 * A token just issued: the secret is shown to the user once and not stored.
 *
 * @param id the token's id
 * @param secret the bearer token
 */
public record IssuedToken(long id, String secret) {
  @Override
  public String toString() {
    return "IssuedToken[id=" + id + "]";
  }
}
