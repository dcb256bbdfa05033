package dev.signet.auth;

import java.util.UUID;

/** A bearer token that checked out: the account it speaks for and the session it belongs to. */
public record VerifiedToken(UUID account, UUID session) {
    /** The caller principal's name the core reads back ({@code Callers}): account and session. */
    public String principalName() {
        return account + ":" + session;
    }
}
