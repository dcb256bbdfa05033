package dev.signet.credential;

import java.util.UUID;

/** An authenticator app as its owner sees it in a list: never its secret. */
public record TotpInfo(UUID id, String label) {
}
