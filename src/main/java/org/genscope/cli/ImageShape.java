package org.genscope.cli;

import java.util.Locale;
import java.util.Map;
import org.genscope.Quoted;
import org.genscope.io.ModelFile;

/** The image shape of a model's samples for the sample commands: {@code --image ROWSxCOLS}, else the model file's. */
final class ImageShape {
    private ImageShape() {}

    /** {rows, cols} from --image, else from the model file's metadata {@code key} (e.g. made.image), else null. */
    static int[] of(Map<String, String> o, String file, int d, String key) throws UsageException, CliException {
        String v = o.get("image");
        if (v != null) {
            int[] shape = parse(v, d);
            if (shape == null) throw new UsageException("--image must be ROWSxCOLS with ROWS·COLS = " + d + ", got " + Quoted.of(v));
            return shape;
        }
        ModelFile f = CliFiles.model(file, ModelFile::read);
        v = f.meta(key).orElse(null);
        if (v == null) return null;
        int[] shape = parse(v, d);
        if (shape == null) throw new CliException(f.badMeta(key, v, "ROWSxCOLS with ROWS·COLS = " + d).getMessage());
        return shape;
    }

    /** {rows, cols} of "ROWSxCOLS" with rows·cols = d, or null. */
    static int[] parse(String v, int d) {
        String[] parts = v.toLowerCase(Locale.ROOT).split("x", -1);
        if (parts.length != 2) return null;
        try {
            int r = Integer.parseInt(parts[0].trim());
            int c = Integer.parseInt(parts[1].trim());
            return r >= 1 && c >= 1 && (long) r * c == d ? new int[] {r, c} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
