package dev.signet.auth;

import dev.signet.model.Account;

/** Proof that an account has just authenticated; only the authentication code can make one. */
public final class Authenticated {
    private final Account account;

    Authenticated(Account account) {
        this.account = account;
    }

    Account account() {
        return account;
    }
}
