package dev.signet.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the rules is Kanidm's: schema before access, uniqueness last before the write, refint before memberof after it. */
class WritePathOrderTest {
    @SuppressWarnings("unchecked")
    private static List<String> rules(WritePath path, String phase) throws Exception {
        Field field = WritePath.class.getDeclaredField(phase);
        field.setAccessible(true);
        return ((List<WriteRule>) field.get(path)).stream().map(r -> r.getClass().getSimpleName()).toList();
    }

    private static void inject(WritePath path, String field, Object rule) throws Exception {
        Field f = WritePath.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(path, rule);
    }

    @Test
    void rulesRunInTheirFixedOrder() throws Exception {
        WritePath path = new WritePath();
        inject(path, "valuesFitSchema", new ValuesFitSchema());
        inject(path, "syncOwnerDecides", new SyncOwnerDecides());
        inject(path, "posixIdsOnceOnly", new PosixIdsOnceOnly());
        inject(path, "uniqueValues", new UniqueValues());
        inject(path, "referentialIntegrity", new ReferentialIntegrity());
        inject(path, "memberOfIsTransitive", new MemberOfIsTransitive());
        path.order();
        assertEquals(List.of("ValuesFitSchema"), rules(path, "transform"));
        assertEquals(List.of("SyncOwnerDecides", "PosixIdsOnceOnly", "UniqueValues"), rules(path, "pre"));
        assertEquals(List.of("ReferentialIntegrity", "MemberOfIsTransitive"), rules(path, "post"));
    }
}
