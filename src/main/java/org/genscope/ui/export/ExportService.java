package org.genscope.ui.export;

import io.fair_acc.chartfx.XYChart;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.genscope.ui.settings.Settings;

/**
 * The one export path every workspace uses: asks for a file (PNG of the view at 2×, its charts as SVG, or CSV of
 * their data), suggests a name like {@code genscope-made-20261124-0930.png}, remembers the folder, and writes the file.
 */
public final class ExportService {
    /** Asks the user where to save; tests replace the real file chooser with a fixed answer. */
    public interface FileAsker {
        Optional<Path> ask(Window owner, String title, File initialDir, String suggestedName,
                           List<FileChooser.ExtensionFilter> filters);
    }

    public static final FileChooser.ExtensionFilter PNG = new FileChooser.ExtensionFilter("PNG image, 2× (*.png)", "*.png");
    public static final FileChooser.ExtensionFilter CSV = new FileChooser.ExtensionFilter("Chart data (*.csv)", "*.csv");
    public static final FileChooser.ExtensionFilter SVG = new FileChooser.ExtensionFilter("Charts as vector graphics (*.svg)", "*.svg");
    public static final FileChooser.ExtensionFilter GIF = new FileChooser.ExtensionFilter("Animated GIF (*.gif)", "*.gif");
    public static final FileChooser.ExtensionFilter MODEL = new FileChooser.ExtensionFilter("safetensors model (*.safetensors)", "*.safetensors");
    private static final String LAST_DIR = "export.lastDir";

    private final Settings settings;
    private FileAsker asker = ExportService::askWithChooser;

    public ExportService(Settings settings) {
        this.settings = settings;
    }

    public void setFileAsker(FileAsker asker) {
        this.asker = asker;
    }

    /** A default file name: {@code genscope-SLUG-yyyyMMdd-HHmm.EXT}. */
    public static String suggestedName(String slug, String extension) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        return "genscope-" + slug + "-" + stamp + "." + extension;
    }

    /**
     * Asks for a file and exports {@code view}: PNG of the view, or CSV of its charts (offered only if it has any).
     *
     * @return the file written, or empty if the user cancelled
     * @throws IOException if writing failed (nothing half-written is left behind)
     */
    public Optional<Path> exportView(Window owner, Node view, String slug, Color background) throws IOException {
        List<XYChart> charts = ViewExporter.findCharts(view);
        List<SvgSource> drawn = ViewExporter.findSvgSources(view);
        List<FileChooser.ExtensionFilter> filters = charts.isEmpty() ? drawn.isEmpty() ? List.of(PNG) : List.of(PNG, SVG)
                : List.of(PNG, SVG, CSV);
        Optional<Path> chosen = asker.ask(owner, "Export view", lastDir(), suggestedName(slug, "png"), filters);
        if (chosen.isEmpty()) return Optional.empty();
        Path file = chosen.get();
        String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".csv")) {
            if (charts.isEmpty()) throw new IOException("this view has no chart data to export as CSV; choose .png");
            ViewExporter.writeCsv(charts, file);
        } else if (lower.endsWith(".svg")) {
            ViewExporter.writeSvg(charts, drawn, view, file);
        } else {
            if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                file = file.resolveSibling(file.getFileName() + ".png");
            }
            ViewExporter.writePng(view, ViewExporter.DEFAULT_SCALE, background, file);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            settings.put(LAST_DIR, parent.toString());
            settings.save();
        }
        return Optional.of(file);
    }

    /**
     * Asks where to save one file of one kind (a trained model, samples as CSV), suggesting
     * {@code genscope-SLUG-…} with the filter's extension (added if the user leaves it off); remembers the folder.
     */
    public Optional<Path> askSave(Window owner, String title, String slug, FileChooser.ExtensionFilter filter) {
        String ext = filter.getExtensions().get(0).replace("*.", "");
        Optional<Path> chosen = asker.ask(owner, title, lastDir(), suggestedName(slug, ext), List.of(filter));
        return chosen.map(p -> {
            Path file = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + ext) ? p
                    : p.resolveSibling(p.getFileName() + "." + ext);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                settings.put(LAST_DIR, parent.toString());
                settings.save();
            }
            return file;
        });
    }

    private File lastDir() {
        File dir = new File(settings.get(LAST_DIR, System.getProperty("user.home")));
        return dir.isDirectory() ? dir : new File(System.getProperty("user.home"));
    }

    /** The standard save dialog: a file chooser with these filters (adds .csv when the CSV filter was chosen). */
    public static Optional<Path> askWithChooser(Window owner, String title, File initialDir, String suggestedName,
                                                 List<FileChooser.ExtensionFilter> filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(initialDir);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().setAll(filters);
        File f = chooser.showSaveDialog(owner);
        if (f == null) return Optional.empty();
        // The chooser does not add the extension of the chosen filter by itself.
        String name = f.getName().toLowerCase(java.util.Locale.ROOT);
        FileChooser.ExtensionFilter sel = chooser.getSelectedExtensionFilter();
        if (sel == CSV && !name.endsWith(".csv")) return Optional.of(f.toPath().resolveSibling(f.getName() + ".csv"));
        if (sel == SVG && !name.endsWith(".svg")) return Optional.of(f.toPath().resolveSibling(f.getName() + ".svg"));
        return Optional.of(f.toPath());
    }
}
