package org.genscope.ui.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genscope.flow.FlowPreset;
import org.genscope.flow.FlowSpec;
import org.genscope.flow.LayerKind;
import org.junit.jupiter.api.Test;

/** The layer-stack editor's rules, without any controls. */
class FlowBuilderModelTest {
    @Test
    void presetsLoadTheirStack() {
        FlowBuilderModel m = new FlowBuilderModel();
        FlowPreset maf = FlowPreset.byId("maf-checkerboard");
        m.loadPreset(maf);
        assertEquals(maf.spec(), m.spec());
        assertEquals(8, m.layers().size());
        assertEquals(LayerKind.MAF, m.layers().get(0).kind());
    }

    @Test
    void addRemoveAndReorderLayers() {
        FlowBuilderModel m = new FlowBuilderModel();
        assertTrue(m.setText("realnvp:32*2"));
        assertTrue(m.add(LayerKind.ACTNORM, 0));              // after the first layer
        assertEquals(LayerKind.ACTNORM, m.layers().get(1).kind());
        assertTrue(m.add(LayerKind.MAF, -1));                 // at the end, with a default network
        assertArrayEquals(FlowBuilderModel.DEFAULT_HIDDEN, m.layers().get(3).hidden());
        assertTrue(m.move(1, -1));
        assertEquals(LayerKind.ACTNORM, m.layers().get(0).kind());
        assertFalse(m.move(0, -1), "the top layer cannot move up");
        assertTrue(m.remove(0));
        assertEquals("realnvp:32*2,maf:64-64", m.spec().layersText());
    }

    @Test
    void theLastLayerCannotBeRemoved() {
        FlowBuilderModel m = new FlowBuilderModel();
        m.setText("glow:16");
        FlowSpec before = m.spec();
        assertFalse(m.remove(0));
        assertSame(before, m.spec());
        assertFalse(m.errorProperty().get().isBlank());
    }

    @Test
    void hiddenSizesOnlyForLayersWithNetworks() {
        FlowBuilderModel m = new FlowBuilderModel();
        m.setText("actnorm,realnvp:64");
        assertTrue(m.setHidden(1, "128-32"));
        assertArrayEquals(new int[] {128, 32}, m.layers().get(1).hidden());
        assertFalse(m.setHidden(0, "64"));
        assertFalse(m.setHidden(1, "64-x"));
        assertArrayEquals(new int[] {128, 32}, m.layers().get(1).hidden());
    }

    @Test
    void badTextKeepsTheStackAndSaysWhy() {
        FlowBuilderModel m = new FlowBuilderModel();
        FlowSpec before = m.spec();
        assertFalse(m.setText("realnvp:64*8,wormhole"));
        assertSame(before, m.spec());
        assertTrue(m.errorProperty().get().contains("wormhole"), m.errorProperty().get());
        assertTrue(m.setText("nice:8*2,scale"));
        assertEquals("", m.errorProperty().get());
    }
}
