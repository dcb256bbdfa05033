package dev.signet.ldap.adapter;

import java.util.HashMap;
import java.util.Map;

/**
 * Operations running at once per bound account over all its connections: a share of the workers,
 * so one account (or whoever holds its password or token) cannot occupy all of them.
 */
final class AccountOperations {
    private final int perAccount;
    private final Map<String, Integer> running = new HashMap<>();

    AccountOperations(int perAccount) {
        this.perAccount = perAccount;
    }

    /** Takes a slot for {@code account}; false when it already has its share running. */
    synchronized boolean enter(String account) {
        int now = running.getOrDefault(account, 0);
        if (now >= perAccount) {
            return false;
        }
        running.put(account, now + 1);
        return true;
    }

    synchronized void leave(String account) {
        running.computeIfPresent(account, (a, n) -> n > 1 ? n - 1 : null);
    }
}
