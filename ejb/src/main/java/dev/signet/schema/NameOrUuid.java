package dev.signet.schema;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.EntityManager;

/**
 * How clients name the things Signet keeps outside the entry store (OAuth2 clients, sync
 * accounts): by name or by UUID. Names are lower case; a 36-character UUID form is the UUID.
 */
public record NameOrUuid(String name, Optional<UUID> uuid) {
    /** The reference {@code id} makes, or empty for nothing usable (blank, longer than a name can be). */
    public static Optional<NameOrUuid> parse(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        String ref = id.trim().toLowerCase(Locale.ROOT);
        if (ref.length() == 36) {
            try {
                return Optional.of(new NameOrUuid(ref, Optional.of(UUID.fromString(ref))));
            } catch (IllegalArgumentException e) {
                // a name that happens to be 36 characters long
            }
        }
        return Optional.of(new NameOrUuid(ref, Optional.empty()));
    }

    /** The {@code type} (an entity with a {@code name} attribute and a UUID id) that {@code id} names. */
    public static <T> Optional<T> find(EntityManager em, Class<T> type, String id) {
        return parse(id).flatMap(ref -> ref.uuid().isPresent()
                ? Optional.ofNullable(em.find(type, ref.uuid().get()))
                : em.createQuery("select x from " + type.getSimpleName() + " x where x.name = :name", type)
                        .setParameter("name", ref.name()).getResultStream().findFirst());
    }
}
