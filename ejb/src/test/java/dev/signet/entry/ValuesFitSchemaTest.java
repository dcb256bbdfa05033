package dev.signet.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.fault.InvalidInput;
import dev.signet.model.EntryKind;
import dev.signet.model.Group;
import dev.signet.model.Person;
import dev.signet.schema.Schema;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ValuesFitSchemaTest {
    private final UUID alice = UUID.randomUUID();
    private final Map<String, UUID> live = Map.of("alice", alice);
    private final Function<String, Optional<UUID>> resolve = ref -> Optional.ofNullable(live.get(ref));

    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGvUo8Q9kbyK4XbK7Xg0w3Iv6bUYbVd5TnYkB2tFVOEa me@laptop";

    private EntryWrite modified(Map<String, List<String>> attrs) {
        Person person = new Person(UUID.randomUUID(), "jsmith", Instant.now());
        EntryWrite write = EntryWrite.modify(person, attrs);
        ValuesFitSchema.normalise(write, resolve);
        return write;
    }

    private InvalidInput refused(Map<String, List<String>> attrs) {
        return assertThrows(InvalidInput.class, () -> modified(attrs));
    }

    @Test
    void valuesAreStoredInTheirSyntaxNormalForm() {
        EntryWrite write = modified(Map.of(Schema.MAIL, List.of(" J.Smith@Example.COM "), Schema.NAME, List.of(" JSmith2 ")));
        assertEquals(List.of("J.Smith@example.com"), write.values().get(Schema.MAIL));
        assertEquals(List.of("jsmith2"), write.values().get(Schema.NAME));
    }

    @Test
    void anAttributeTheKindDoesNotHaveOrSignetMaintainsIsRefusedByName() {
        assertEquals(Schema.MEMBER, refused(Map.of(Schema.MEMBER, List.of("alice"))).field());
        assertEquals("nonsense", refused(Map.of("nonsense", List.of("x"))).field());
        InvalidInput system = refused(Map.of(Schema.MEMBEROF, List.of("x")));
        assertTrue(system.getMessage().contains("maintained by Signet"), system.getMessage());
    }

    @Test
    void singleValuedTakesOneAndMultiValuedAtMostItsBound() {
        assertTrue(refused(Map.of(Schema.DISPLAYNAME, List.of("a", "b"))).getMessage().contains("takes one value"));
        List<String> many = Collections.nCopies(101, "x@example.com");
        InvalidInput tooMany = refused(Map.of(Schema.MAIL, many));
        assertTrue(tooMany.getMessage().contains("at most 100"), tooMany.getMessage());
    }

    @Test
    void aMissingListOrValueIsInvalid() {
        Map<String, List<String>> attrs = new HashMap<>();
        attrs.put(Schema.DISPLAYNAME, null);
        assertTrue(refused(attrs).getMessage().contains("must be a list"));
        assertEquals(Schema.MAIL, refused(Map.of(Schema.MAIL, List.of("not-a-mail"))).field());
    }

    @Test
    void sshKeysKeepTheirTagAndNormalisedKey() {
        EntryWrite write = modified(Map.of(Schema.SSH_PUBLICKEY, List.of("Laptop:  " + KEY)));
        assertEquals(List.of("laptop: " + KEY), write.values().get(Schema.SSH_PUBLICKEY));
        assertEquals(Schema.SSH_PUBLICKEY, refused(Map.of(Schema.SSH_PUBLICKEY, List.of(KEY))).field());
    }

    @Test
    void membersResolveToLiveEntriesOnceAndNeverTheGroupItself() {
        Group group = new Group(UUID.randomUUID(), "team", Instant.now());
        EntryWrite write = EntryWrite.modify(group, Map.of(Schema.MEMBER, List.of("Alice", "alice")));
        ValuesFitSchema.normalise(write, resolve);
        assertEquals(List.of(alice.toString()), write.values().get(Schema.MEMBER));

        EntryWrite unknown = EntryWrite.modify(group, Map.of(Schema.MEMBER, List.of("bob")));
        assertTrue(assertThrows(InvalidInput.class, () -> ValuesFitSchema.normalise(unknown, resolve)).getMessage().contains("no entry bob"));

        EntryWrite self = EntryWrite.modify(group, Map.of(Schema.MEMBER, List.of(group.uuid().toString())));
        assertThrows(InvalidInput.class, () -> ValuesFitSchema.normalise(self, ref -> Optional.of(group.uuid())));
    }

    @Test
    void aCreateNeedsExactlyOneNameAndAPersonADisplayname() {
        EntryWrite noName = EntryWrite.create(EntryKind.GROUP, UUID.randomUUID(), Map.of(Schema.NAME, List.of("a", "b")));
        assertEquals(Schema.NAME, assertThrows(InvalidInput.class, () -> ValuesFitSchema.normalise(noName, resolve)).field());
        EntryWrite nameless = EntryWrite.create(EntryKind.PERSON, UUID.randomUUID(), Map.of(Schema.NAME, List.of("jdoe")));
        assertEquals(Schema.DISPLAYNAME, assertThrows(InvalidInput.class, () -> ValuesFitSchema.normalise(nameless, resolve)).field());
    }

    @Test
    void aSourceNamesMembersByUuidAndItsGidnumberIsLeftToThePosixRule() {
        UUID member = UUID.randomUUID();
        EntryWrite write = EntryWrite.imported(UUID.randomUUID(), null, EntryKind.GROUP, UUID.randomUUID(), "cn=team",
                Map.of(Schema.NAME, List.of("Team"), Schema.MEMBER, List.of(" " + member + " "), Schema.GIDNUMBER, List.of("70000")));
        ValuesFitSchema.normalise(write, ref -> Optional.empty());
        assertEquals(List.of(member.toString()), write.values().get(Schema.MEMBER));
        assertEquals(List.of("team"), write.values().get(Schema.NAME));
        assertTrue(!write.values().containsKey(Schema.GIDNUMBER));
    }
}
