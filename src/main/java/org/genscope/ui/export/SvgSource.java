package org.genscope.ui.export;

import java.util.List;
import org.genscope.io.SvgPlot;

/**
 * A view that draws a plot on its own canvas (not a ChartFX chart) and can give it as vector plots, so File ▸
 * Export view writes it as SVG too (e.g. the VAE's latent scatter). FX thread; colours as the theme shows them.
 */
public interface SvgSource {
    /** The plots as they are on screen now (axis ranges, shown series, colours); empty when there is nothing yet. */
    List<SvgPlot.Plot> svgPlots();
}
