package dev.signet.entry;

import dev.signet.fault.InvalidInput;
import dev.signet.schema.Schema;
import dev.signet.schema.Syntax;

/** A tagged SSH public key, written {@code "tag: ssh-ed25519 AAAA... comment"} in attributes. */
record SshKeyValue(String tag, String key) {
    SshKeyValue {
        tag = Syntax.INAME.normalise(Schema.SSH_PUBLICKEY, tag);
        key = Syntax.SSH_PUBLIC_KEY.normalise(Schema.SSH_PUBLICKEY, key);
    }

    static SshKeyValue parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new InvalidInput(Schema.SSH_PUBLICKEY, "ssh_publickey values are \"tag: key\"");
        }
        return new SshKeyValue(value.substring(0, colon), value.substring(colon + 1));
    }
}
