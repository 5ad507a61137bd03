package org.ctmon.web.ui;

import java.util.Objects;

/**
 * The signed-in person behind a request.
 *
 * @param accountId their account
 * @param email their account's email
 * @param admin whether the account is an administrator
 * @param csrf the token every form of this session carries
 */
record Visitor(long accountId, String email, boolean admin, String csrf) {
  Visitor {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(csrf, "csrf");
  }
}
