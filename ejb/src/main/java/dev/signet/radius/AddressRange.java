package dev.signet.radius;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a RADIUS client may send from: one address ({@code 10.0.1.100}, {@code 2001:db8::7}) or
 * a CIDR block ({@code 10.0.1.0/24}, {@code 2001:db8::/64}). Only literal addresses are
 * accepted, never host names: resolving a name per packet would let DNS decide who is a client.
 * An IPv4 address never matches an IPv6 range nor the reverse (an IPv4-mapped IPv6 source is
 * compared as the IPv4 address it is).
 *
 * @param network the block's first address
 * @param prefix its prefix length (32 or 128 for one address)
 */
public record AddressRange(InetAddress network, int prefix) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** The range an admin wrote, or empty when it is not a literal address or CIDR block. */
    public static Optional<AddressRange> parse(String written) {
        if (written == null || written.isBlank() || written.length() > 64) {
            return Optional.empty();
        }
        String text = written.strip().toLowerCase(Locale.ROOT);
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        int bits = parsed.get().getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!length.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new AddressRange(mask(parsed.get(), prefix), prefix));
    }

    /** A literal IPv4 or IPv6 address; never a name lookup. */
    static Optional<InetAddress> literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // a literal (checked above) is parsed without any lookup
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether a packet's source address lies in this range. */
    public boolean contains(InetAddress source) {
        byte[] candidate = source.getAddress();
        byte[] own = network.getAddress();
        if (candidate.length != own.length) {
            return false;
        }
        return mask(source, prefix).equals(network);
    }

    /** The address a source string names, if it is a literal one (the adapter gives {@code getHostAddress()}). */
    public static Optional<InetAddress> source(String text) {
        return text == null ? Optional.empty() : literal(text.strip().toLowerCase(Locale.ROOT).replaceFirst("%.*$", ""));
    }

    private static InetAddress mask(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        BigInteger value = new BigInteger(1, bytes);
        BigInteger kept = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
        byte[] masked = value.and(kept).toByteArray();
        byte[] out = new byte[bytes.length];
        int copy = Math.min(masked.length, out.length);
        System.arraycopy(masked, masked.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How the range is shown: the address, with {@code /prefix} for a block. */
    @Override
    public String toString() {
        int bits = network.getAddress().length * 8;
        return network.getHostAddress() + (prefix == bits ? "" : "/" + prefix);
    }
}
