package dev.signet.adapter.radius;

import java.util.List;
import java.util.Objects;

/**
 * The core's answer to an Access-Request: RFC 2865 Access-Accept or Access-Reject, or an
 * Access-Challenge (an EAP conversation goes on). The adapter adds Message-Authenticator as the
 * first attribute of every answer (BlastRADIUS, CVE-2024-3596) and copies Proxy-State.
 *
 * @param kind accept, reject or challenge
 * @param replyAttributes reply attributes in order; a Reject carries EAP-Message only (it tells nothing)
 */
public record RadiusAnswer(Kind kind, List<ReplyAttribute> replyAttributes) {
    /** RFC 2865 type of EAP-Message (RFC 3579 section 3.1), the one attribute a Reject may carry. */
    public static final int EAP_MESSAGE = 79;

    public enum Kind {
        ACCEPT, REJECT, CHALLENGE
    }

    public RadiusAnswer {
        Objects.requireNonNull(kind, "kind");
        replyAttributes = List.copyOf(replyAttributes);
        if (kind == Kind.REJECT && replyAttributes.stream().anyMatch(a -> a.vendor() != 0 || a.type() != EAP_MESSAGE)) {
            throw new IllegalArgumentException("an Access-Reject carries no reply attributes but EAP-Message");
        }
    }

    public RadiusAnswer(boolean accept, List<ReplyAttribute> replyAttributes) {
        this(accept ? Kind.ACCEPT : Kind.REJECT, replyAttributes);
    }

    public static RadiusAnswer reject() {
        return new RadiusAnswer(Kind.REJECT, List.of());
    }

    public boolean accept() {
        return kind == Kind.ACCEPT;
    }

    /**
     * One reply attribute, encoded: a standard attribute ({@code vendor} 0, {@code type} its RFC
     * 2865 number) or a Vendor-Specific one (RFC 2865 section 5.26: {@code vendor} the SMI
     * enterprise number, {@code type} the vendor's type). {@code salted}: the adapter encrypts the
     * value with the shared secret and the request authenticator (RFC 2548 section 2.4.2), as
     * MS-MPPE-Send-Key and MS-MPPE-Recv-Key need.
     */
    public record ReplyAttribute(int vendor, int type, byte[] value, boolean salted) {
        public ReplyAttribute {
            if (type < 1 || type > 255 || vendor < 0) {
                throw new IllegalArgumentException("attribute type 1-255 and vendor >= 0: " + vendor + "/" + type);
            }
            value = value.clone();
            int room = vendor == 0 ? 253 : 247;
            if (value.length > room && !(vendor == 0 && type == EAP_MESSAGE)) {
                throw new IllegalArgumentException("attribute value longer than " + room + " octets");
            }
        }

        /** A standard attribute with a text value (UTF-8). */
        public ReplyAttribute(int type, String value) {
            this(0, type, value.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public String toString() {
            return (vendor == 0 ? "" : vendor + ":") + type + (salted ? "(salted)" : "") + "[" + value.length + "]";
        }
    }
}
