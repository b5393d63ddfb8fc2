package org.genscope.ui.made;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genscope.made.Connectivity;
import org.genscope.made.DegreeRule;
import org.genscope.made.OrderingKind;
import org.junit.jupiter.api.Test;

/** The mask builder's editing rules, without any controls. */
class MadeBuilderModelTest {
    @Test
    void sameSettingsAndSeedGiveTheSameNetwork() {
        MadeBuilderModel a = new MadeBuilderModel();
        MadeBuilderModel b = new MadeBuilderModel();
        assertEquals(a.connectivity(), b.connectivity());
        a.resample();
        assertEquals(2, a.seedProperty().get());
        b.seedProperty().set(2);
        b.rebuild();
        assertEquals(a.connectivity(), b.connectivity());
    }

    @Test
    void widthsAndDepthFollowTheText() {
        MadeBuilderModel m = new MadeBuilderModel();
        m.widthsProperty().set("5; 7 9");
        assertTrue(m.rebuild());
        Connectivity c = m.connectivity();
        assertEquals(3, c.hiddenLayers());
        assertEquals(5, c.width(1));
        assertEquals(7, c.width(2));
        assertEquals(9, c.width(3));
    }

    @Test
    void badWidthsKeepTheLastValidNetworkAndSayWhy() {
        MadeBuilderModel m = new MadeBuilderModel();
        Connectivity before = m.connectivity();
        for (String bad : new String[] {"", "8, x", "0", "-3", "8,8,8,8,8,8,8,8,8", "99999"}) {
            m.widthsProperty().set(bad);
            assertFalse(m.rebuild(), bad);
            assertSame(before, m.connectivity(), bad);
            assertFalse(m.errorProperty().get().isBlank(), bad);
        }
        m.widthsProperty().set("4");
        assertTrue(m.rebuild());
        assertEquals("", m.errorProperty().get());
    }

    @Test
    void draggingMovesOneInputAndKeepsHiddenDegrees() {
        MadeBuilderModel m = new MadeBuilderModel();      // D = 6, natural: x1 x2 x3 x4 x5 x6
        int[] hidden = m.connectivity().degrees(1);
        assertTrue(m.moveInOrdering(4, 0));                 // x5 to the front
        assertArrayEquals(new int[] {4, 0, 1, 2, 3, 5}, m.connectivity().sequence());
        assertArrayEquals(new int[] {2, 3, 4, 5, 1, 6}, m.connectivity().ordering());
        assertArrayEquals(hidden, m.connectivity().degrees(1));
        assertEquals(OrderingKind.CUSTOM, m.orderingProperty().get());
        m.rebuild();                                        // a custom ordering survives a rebuild
        assertArrayEquals(new int[] {2, 3, 4, 5, 1, 6}, m.connectivity().ordering());
        assertFalse(m.moveInOrdering(0, 6));
    }

    @Test
    void degreeEditsStayWithinOneToDMinusOne() {
        MadeBuilderModel m = new MadeBuilderModel();
        assertTrue(m.setDegree(1, 0, 5));
        assertEquals(5, m.connectivity().degrees(1)[0]);
        Connectivity before = m.connectivity();
        assertFalse(m.setDegree(1, 0, 0));
        assertTrue(m.errorProperty().get().contains("between 1 and D−1"));
        assertFalse(m.setDegree(1, 0, 6));
        assertFalse(m.setDegree(0, 0, 3), "inputs are set through the ordering");
        assertSame(before, m.connectivity());
    }

    @Test
    void editsThatStrandAUnitAreAllowedButFlagged() {
        MadeBuilderModel m = new MadeBuilderModel();
        m.widthsProperty().set("3, 3");
        m.ruleProperty().set(DegreeRule.EVEN);
        m.rebuild();
        // every unit of layer 2 gets m = 1, so layer-2 units only see layer-1 units with m = 1
        for (int k = 0; k < 3; k++) m.setDegree(1, k, 5);
        for (int k = 0; k < 3; k++) m.setDegree(2, k, 1);
        boolean[] stranded = m.connectivity().noInputs(2);
        assertTrue(stranded[0] && stranded[1] && stranded[2]);
    }

    @Test
    void parseWidthsRejectsWithActionableMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MadeBuilderModel.parseWidths("12, abc"));
        assertTrue(e.getMessage().contains("'abc'"));
    }
}
