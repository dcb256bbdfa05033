package dev.signet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void columnsAreAsWideAsTheirWidestCellAndLinesEndWithoutBlanks() {
        String table = new Table("name", "displayname", "mail")
                .row("jsmith", "John Smith", "john.smith@example.com")
                .row("al", "Al", "")
                .toString();
        assertEquals("""
                NAME    DISPLAYNAME  MAIL
                jsmith  John Smith   john.smith@example.com
                al      Al
                """, table);
    }

    @Test
    void aHeaderAloneForNoRows() {
        assertEquals("ID  LABEL\n", new Table("id", "label").toString());
    }

    @Test
    void lineBreaksInACellDoNotBreakTheTable() {
        assertEquals("A    B\nx y  z\n", new Table("a", "b").row("x\ny", "z").toString());
    }

    @Test
    void aRowHasOneCellPerColumn() {
        assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("only one"));
    }
}
