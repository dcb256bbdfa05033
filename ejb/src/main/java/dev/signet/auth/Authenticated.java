package dev.signet.auth;

import dev.signet.model.Account;

/** Proof that an account has just authenticated; only the authentication code can make one. */
public final class Authenticated {
    private final Account account;
    private final Mechanism method;

    Authenticated(Account account, Mechanism method) {
        this.account = account;
        this.method = method;
    }

    /** The mechanism that proved it. */
    Mechanism method() {
        return method;
    }

    Account account() {
        return account;
    }
}
