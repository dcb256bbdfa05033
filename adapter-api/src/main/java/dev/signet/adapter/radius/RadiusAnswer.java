package dev.signet.adapter.radius;

import java.util.List;

/**
 * RFC 2865 Access-Accept or Access-Reject, with reply attributes for an Accept.
 *
 * @param accept true for Access-Accept
 * @param replyAttributes reply attributes as (type, value) pairs, e.g. Filter-Id, Class
 */
public record RadiusAnswer(boolean accept, List<ReplyAttribute> replyAttributes) {
    public RadiusAnswer {
        replyAttributes = List.copyOf(replyAttributes);
        if (!accept && !replyAttributes.isEmpty()) {
            throw new IllegalArgumentException("an Access-Reject carries no reply attributes");
        }
    }

    public static RadiusAnswer reject() {
        return new RadiusAnswer(false, List.of());
    }

    /** One reply attribute: its RFC 2865 type number and its string value. */
    public record ReplyAttribute(int type, String value) {
    }
}
