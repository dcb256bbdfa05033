package dev.signet.radius.adapter;

import dev.signet.adapter.radius.RadiusAccessRequest;
import dev.signet.adapter.radius.RadiusAccounting;
import dev.signet.adapter.radius.RadiusAnswer;
import dev.signet.adapter.radius.RadiusClientKey;
import dev.signet.adapter.radius.RadiusCredential;
import dev.signet.adapter.radius.RadiusEvent;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aaa4j.radius.core.attribute.Attribute;
import org.aaa4j.radius.core.attribute.RawAttribute;
import org.aaa4j.radius.core.attribute.attributes.UserPassword;
import org.aaa4j.radius.core.dictionary.dictionaries.StandardDictionary;
import org.aaa4j.radius.core.packet.Packet;
import org.aaa4j.radius.core.packet.PacketCodec;
import org.aaa4j.radius.core.packet.PacketCodecException;

/**
 * What the server does with one datagram: which client sent it, whether it is authentic, whether
 * it was seen already, and the answer, or nothing. Every drop is silent (RFC 2865 section 3) and
 * counted by reason. The core is asked who the client is and, for an authentic new request, what
 * to answer; Status-Server (RFC 5997) is answered here.
 *
 * <p>BlastRADIUS (CVE-2024-3596): an Access-Request without a valid Message-Authenticator is
 * dropped; a client an admin exempted from that gets FreeRADIUS's {@code limit_proxy_state}
 * rule (one that carries Proxy-State but no Message-Authenticator is dropped). Every
 * Access-Accept, Access-Reject, Access-Challenge and Status-Server answer carries
 * Message-Authenticator as its first attribute, so a forged prefix cannot precede it.
 */
final class RequestHandler {
    private static final Logger LOG = Logger.getLogger(RequestHandler.class.getName());
    /** RFC 2865 section 5: an attribute holds at most 253 octets; longer EAP messages are split (RFC 3579 section 3.1). */
    private static final int ATTRIBUTE_ROOM = 253;

    /** Which port a datagram arrived on: each serves its own codes. */
    enum Port {
        AUTHENTICATION, ACCOUNTING
    }

    private final CoreEndpoint core;
    private final EventCounts events;
    private final DuplicateCache duplicates;
    private final PacketCodec codec = new PacketCodec(new StandardDictionary());

    RequestHandler(CoreEndpoint core, EventCounts events, DuplicateCache duplicates) {
        this.core = core;
        this.events = events;
        this.duplicates = duplicates;
    }

    /** The reply to send back to {@code source}, or empty to drop the datagram. */
    Optional<byte[]> handle(byte[] datagram, int length, InetSocketAddress source, Port port) {
        Optional<RadiusPacket> parsed = RadiusPacket.parse(datagram, length);
        if (parsed.isEmpty()) {
            return drop(RadiusEvent.DROP_MALFORMED);
        }
        RadiusPacket packet = parsed.get();
        int code = packet.code();
        boolean served = code == RadiusPacket.STATUS_SERVER
                || (port == Port.AUTHENTICATION ? code == RadiusPacket.ACCESS_REQUEST : code == RadiusPacket.ACCOUNTING_REQUEST);
        if (!served) {
            return drop(RadiusEvent.DROP_UNSUPPORTED);
        }
        Optional<RadiusClientKey> found;
        try {
            found = core.call(listener -> listener.client(source.getAddress().getHostAddress()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the core could not say which RADIUS client " + source.getAddress().getHostAddress() + " is", e);
            return drop(RadiusEvent.DROP_FAILED);
        }
        if (found.isEmpty()) {
            return drop(RadiusEvent.DROP_UNKNOWN_CLIENT);
        }
        RadiusClientKey client = found.get();
        byte[] secret = client.secret();
        Optional<RadiusEvent> refusal = authenticity(packet, client, secret);
        if (refusal.isPresent()) {
            return drop(refusal.get());
        }
        if (code == RadiusPacket.STATUS_SERVER) {
            events.add(RadiusEvent.STATUS_SERVER);
            int answer = port == Port.AUTHENTICATION ? RadiusPacket.ACCESS_ACCEPT : RadiusPacket.ACCOUNTING_RESPONSE;
            return encode(answer, List.of(), packet, secret);
        }
        DuplicateCache.Key key = new DuplicateCache.Key(source, packet.identifier(), code, packet.authenticator());
        DuplicateCache.Seen seen = duplicates.see(key);
        if (seen instanceof DuplicateCache.Answered answered) {
            events.add(RadiusEvent.DUPLICATE_ANSWERED);
            return Optional.of(answered.reply());
        }
        if (seen instanceof DuplicateCache.InProgress) {
            return drop(RadiusEvent.DROP_DUPLICATE_IN_PROGRESS);
        }
        Optional<byte[]> reply;
        try {
            reply = code == RadiusPacket.ACCESS_REQUEST ? access(packet, client, source, secret) : accounting(packet, client, source, secret);
        } catch (RuntimeException e) {
            reply = drop(RadiusEvent.DROP_MALFORMED);
        }
        if (reply.isPresent()) {
            duplicates.answered(key, reply.get());
        } else {
            duplicates.forget(key);
        }
        return reply;
    }

    /** Why the packet is not authentic for this client, or empty when it is. */
    private Optional<RadiusEvent> authenticity(RadiusPacket packet, RadiusClientKey client, byte[] secret) {
        RawAttributes attributes = packet.attributes();
        RadiusPacket.MessageAuthenticatorPresence presence = packet.messageAuthenticator();
        if (presence == RadiusPacket.MessageAuthenticatorPresence.MALFORMED) {
            return Optional.of(RadiusEvent.DROP_MALFORMED);
        }
        if (packet.code() == RadiusPacket.ACCOUNTING_REQUEST) {
            // RFC 2866 section 3: the request authenticator itself is the proof
            if (!packet.accountingAuthenticatorValid(secret)) {
                return Optional.of(RadiusEvent.DROP_BAD_AUTHENTICATOR);
            }
            return presence == RadiusPacket.MessageAuthenticatorPresence.ONE && !packet.messageAuthenticatorValid(secret)
                    ? Optional.of(RadiusEvent.DROP_BAD_AUTHENTICATOR) : Optional.empty();
        }
        if (presence == RadiusPacket.MessageAuthenticatorPresence.ABSENT) {
            // RFC 5997 section 3 (Status-Server) and RFC 3579 section 3.2 (EAP) need it whatever the client's setting
            if (packet.code() == RadiusPacket.STATUS_SERVER || client.requireMessageAuthenticator()
                    || attributes.has(RawAttributes.EAP_MESSAGE)) {
                return Optional.of(RadiusEvent.DROP_NO_MESSAGE_AUTHENTICATOR);
            }
            return attributes.has(RawAttributes.PROXY_STATE) ? Optional.of(RadiusEvent.DROP_PROXY_STATE) : Optional.empty();
        }
        return packet.messageAuthenticatorValid(secret) ? Optional.empty() : Optional.of(RadiusEvent.DROP_BAD_AUTHENTICATOR);
    }

    private Optional<byte[]> access(RadiusPacket packet, RadiusClientKey client, InetSocketAddress source, byte[] secret) {
        RawAttributes attributes = packet.attributes();
        RadiusCredential credential = credential(packet, secret);
        if (credential == null) {
            return drop(RadiusEvent.DROP_MALFORMED);
        }
        RadiusAccessRequest request = new RadiusAccessRequest(client.name(), source.getAddress().getHostAddress(),
                attributes.text(RawAttributes.USER_NAME).orElse(""), credential,
                attributes.text(RawAttributes.CALLING_STATION_ID).orElse(""));
        RadiusAnswer answer;
        try {
            answer = core.call(listener -> listener.accessRequest(request));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the core failed to decide a RADIUS request from " + client.name(), e);
            return drop(RadiusEvent.DROP_FAILED);
        }
        int code = switch (answer.kind()) {
            case ACCEPT -> RadiusPacket.ACCESS_ACCEPT;
            case REJECT -> RadiusPacket.ACCESS_REJECT;
            case CHALLENGE -> RadiusPacket.ACCESS_CHALLENGE;
        };
        return encode(code, answer.replyAttributes(), packet, secret);
    }

    /** The credential the request carries; null when it carries one that cannot be read (a malformed packet). */
    private RadiusCredential credential(RadiusPacket packet, byte[] secret) {
        RawAttributes attributes = packet.attributes();
        Optional<byte[]> eap = attributes.concatenated(RawAttributes.EAP_MESSAGE);
        if (eap.isPresent()) {
            return new RadiusCredential.Eap(eap.get(), attributes.first(RawAttributes.STATE).orElse(null));
        }
        if (attributes.has(RawAttributes.USER_PASSWORD)) {
            byte[] hidden = attributes.first(RawAttributes.USER_PASSWORD).orElseThrow();
            if (hidden.length == 0 || hidden.length % 16 != 0 || hidden.length > 128) {
                return null; // RFC 2865 section 5.2: 16 to 128 octets, a multiple of 16
            }
            try {
                Packet decoded = codec.decodeRequest(packet.octets(), secret);
                byte[] password = decoded.getAttribute(UserPassword.class).map(a -> a.getData().getValue()).orElse(null);
                if (password == null) {
                    return null;
                }
                char[] chars = utf8(password);
                Arrays.fill(password, (byte) 0);
                return chars == null ? null : new RadiusCredential.Pap(chars);
            } catch (PacketCodecException | RuntimeException e) {
                return null;
            }
        }
        Optional<byte[]> chap = attributes.first(RawAttributes.CHAP_PASSWORD);
        if (chap.isPresent()) {
            byte[] value = chap.get();
            if (value.length != 17) {
                return null; // RFC 2865 section 5.3: the CHAP ident and a 16-octet response
            }
            byte[] challenge = attributes.first(RawAttributes.CHAP_CHALLENGE).orElse(packet.authenticator());
            return new RadiusCredential.Chap(value[0] & 0xff, Arrays.copyOfRange(value, 1, 17), challenge);
        }
        Optional<byte[]> msChallenge = attributes.vendor(RawAttributes.MICROSOFT, RawAttributes.MS_CHAP_CHALLENGE);
        Optional<byte[]> msResponse = attributes.vendor(RawAttributes.MICROSOFT, RawAttributes.MS_CHAP2_RESPONSE);
        if (msChallenge.isPresent() && msResponse.isPresent()) {
            if (msChallenge.get().length != 16 || msResponse.get().length != 50) {
                return null;
            }
            return new RadiusCredential.MsChapV2(msChallenge.get(), msResponse.get());
        }
        return new RadiusCredential.None();
    }

    private Optional<byte[]> accounting(RadiusPacket packet, RadiusClientKey client, InetSocketAddress source, byte[] secret) {
        RawAttributes attributes = packet.attributes();
        RadiusAccounting record = new RadiusAccounting(client.name(), source.getAddress().getHostAddress(),
                (int) Math.max(0, attributes.integer(RawAttributes.ACCT_STATUS_TYPE)), attributes.text(RawAttributes.USER_NAME).orElse(""),
                attributes.text(RawAttributes.ACCT_SESSION_ID).orElse(""), attributes.integer(RawAttributes.ACCT_SESSION_TIME),
                attributes.text(RawAttributes.CALLING_STATION_ID).orElse(""));
        try {
            core.call(listener -> {
                listener.accounting(record);
                return null;
            });
        } catch (Exception e) {
            // RFC 2866 section 2: no answer unless the record is kept, so the client sends it again
            LOG.log(Level.WARNING, "the core failed to record accounting from " + client.name(), e);
            return drop(RadiusEvent.DROP_FAILED);
        }
        return encode(RadiusPacket.ACCOUNTING_RESPONSE, List.of(), packet, secret);
    }

    /**
     * The answer's octets: Message-Authenticator first (accounting answers need none), then the
     * core's attributes, then the request's Proxy-State attributes in order (RFC 2865 section 5.33).
     */
    private Optional<byte[]> encode(int code, List<RadiusAnswer.ReplyAttribute> reply, RadiusPacket request, byte[] secret) {
        List<Attribute<?>> attributes = new ArrayList<>();
        if (code != RadiusPacket.ACCOUNTING_RESPONSE) {
            attributes.add(new RawAttribute(RawAttributes.MESSAGE_AUTHENTICATOR, new byte[16]));
        }
        byte[] authenticator = request.authenticator();
        SaltEncryption.Salts salts = new SaltEncryption.Salts();
        for (RadiusAnswer.ReplyAttribute attribute : reply) {
            byte[] value = attribute.salted() ? SaltEncryption.encrypt(attribute.value(), secret, authenticator, salts.next()) : attribute.value();
            if (attribute.vendor() == 0) {
                for (int i = 0; i == 0 || i < value.length; i += ATTRIBUTE_ROOM) {
                    attributes.add(new RawAttribute(attribute.type(), Arrays.copyOfRange(value, i, Math.min(value.length, i + ATTRIBUTE_ROOM))));
                }
            } else {
                attributes.add(new RawAttribute(RawAttributes.VENDOR_SPECIFIC, ByteBuffer.allocate(6 + value.length)
                        .putInt(attribute.vendor()).put((byte) attribute.type()).put((byte) (value.length + 2)).put(value).array()));
            }
        }
        request.attributes().all(RawAttributes.PROXY_STATE).forEach(p -> attributes.add(new RawAttribute(RawAttributes.PROXY_STATE, p.value())));
        try {
            byte[] octets = codec.encodeResponse(new Packet(code, attributes), secret, request.identifier(), authenticator);
            if (octets.length > RadiusPacket.MAX_LENGTH) {
                LOG.warning(() -> "a RADIUS answer of " + octets.length + " octets is over the protocol's 4096: not sent");
                return drop(RadiusEvent.DROP_FAILED);
            }
            return Optional.of(octets);
        } catch (PacketCodecException e) {
            LOG.log(Level.WARNING, "a RADIUS answer could not be encoded", e);
            return drop(RadiusEvent.DROP_FAILED);
        }
    }

    private Optional<byte[]> drop(RadiusEvent reason) {
        events.add(reason);
        return Optional.empty();
    }

    /** RFC 2865 section 5.2 leaves the password's encoding to the client; RFC 3629 UTF-8 is what every device sends. */
    private static char[] utf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            Arrays.fill(chars.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
