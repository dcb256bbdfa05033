package dev.signet.auth;

import dev.signet.model.Account;

/** Proof that an account has just authenticated; only the authentication code can make one. */
public final class Authenticated {
    private final Account account;
    private final String method;

    Authenticated(Account account, String method) {
        this.account = account;
        this.method = method;
    }

    /** The mechanism that proved it: password, passwordmfa, passkey (or reset_intent). */
    String method() {
        return method;
    }

    Account account() {
        return account;
    }
}
