package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layer-stack spec: its text form, its edits, the stacking rules, and bad input. */
class FlowSpecTest {
    @Test
    void textFormRoundTripsWithRepeats() {
        FlowSpec s = FlowSpec.parse("nice:64-64*4, scale");
        assertEquals(5, s.layers().size());
        assertEquals(LayerSpec.of(LayerKind.ADDITIVE_COUPLING, 64, 64), s.layers().get(3));
        assertEquals("nice:64-64*4,scale", s.layersText());
        assertEquals(s.layers(), FlowSpec.parseLayers(s.layersText()));
        assertEquals("glow:32*2,maf:16-8,reverse,actnorm,linear,iaf:4,realnvp:3",
                FlowSpec.parse("glow:32,glow:32,maf:16-8,reverse,actnorm,linear,iaf:4,realnvp:3").layersText());
    }

    @Test
    void editsReturnNewSpecs() {
        FlowSpec s = FlowSpec.parse("realnvp:8*2");
        FlowSpec t = s.withLayerInserted(0, LayerSpec.of(LayerKind.ACTNORM)).withLayerInserted(3, LayerSpec.of(LayerKind.SCALING));
        assertEquals("actnorm,realnvp:8*2,scale", t.layersText());
        assertEquals("realnvp:8*2,actnorm,scale", t.withLayerMoved(0, 2).layersText());
        assertEquals("actnorm,realnvp:8,scale", t.withLayerRemoved(1).layersText());
        assertEquals("actnorm,realnvp:32-32*2,scale", t.withHiddenEverywhere(32, 32).layersText());
        assertEquals("actnorm,maf:4,realnvp:8,scale", t.withLayerReplaced(1, LayerSpec.of(LayerKind.MAF, 4)).layersText());
        assertEquals("realnvp:8*2", s.layersText());
        assertTrue(t.withLearnableBase(true).learnableBase());
        assertEquals(7, t.withSeed(7).seed());
    }

    @Test
    void couplingMasksAndAutoregressiveOrderingsAlternateAlongTheStack() {
        FlowModel m = FlowSpec.parse("realnvp:4,nice:4,glow:4,maf:4,reverse,maf:4,iaf:4").build(3);
        List<FlowLayer> l = m.layers();
        assertArrayEquals(new int[] {1}, ((Coupling) l.get(0)).transformed());
        assertArrayEquals(new int[] {0, 2}, ((Coupling) l.get(1)).transformed());
        assertArrayEquals(new int[] {1}, ((Coupling) ((FlowSequence) l.get(2)).layers().get(2)).transformed());
        assertArrayEquals(new int[] {0, 1, 2}, ((AutoregressiveFlow) l.get(3)).sequence());
        assertArrayEquals(new int[] {2, 1, 0}, ((AutoregressiveFlow) l.get(5)).sequence());
        assertArrayEquals(new int[] {0, 1, 2}, ((AutoregressiveFlow) l.get(6)).sequence());
    }

    @Test
    void sameSpecSameInitialModel() {
        FlowModel a = FlowSpec.parse("glow:8*2,maf:8").withSeed(5).build(2);
        FlowModel b = FlowSpec.parse("glow:8*2,maf:8").withSeed(5).build(2);
        for (int i = 0; i < a.params().size(); i++) assertArrayEquals(a.params().get(i).value.data, b.params().get(i).value.data);
    }

    @Test
    void badSpecsAreRejectedWithTheReason() {
        assertMessage("unknown layer kind 'spline'", () -> FlowSpec.parse("spline:8"));
        assertMessage("give the hidden widths", () -> FlowSpec.parse("realnvp"));
        assertMessage("has no network", () -> FlowSpec.parse("scale:8"));
        assertMessage("hidden widths must be integers", () -> FlowSpec.parse("maf:a-b"));
        assertMessage("hidden widths must be 1..", () -> FlowSpec.parse("maf:0"));
        assertMessage("repeat count", () -> FlowSpec.parse("maf:8*x"));
        assertMessage("no layers", () -> FlowSpec.parse(" "));
        assertMessage("unknown activation", () -> FlowSpec.parse("maf:8").withActivation("swish"));
        assertMessage("scale bound", () -> FlowSpec.parse("maf:8").withScaleBound(0));
        assertMessage("at least 2 variables", () -> FlowSpec.parse("realnvp:8").build(1));
    }

    @Test
    void presetsBuildAndNameTheirData() {
        for (FlowPreset p : FlowPreset.ALL) {
            assertEquals(2, p.model().dimension(), p.id());
            assertEquals(16_000, p.data(1).train().size(), p.id());
            assertEquals(p, FlowPreset.byId(p.id()));
        }
        assertEquals("realnvp:64-64*8", FlowPreset.byId("realnvp-moons").spec().layersText());
        assertMessage("unknown preset", () -> FlowPreset.byId("nope"));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }
}
