package org.genscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.genscope.Quoted;
import org.genscope.data.CsvWriter;
import org.genscope.data.Dataset;
import org.genscope.io.ModelFile;
import org.genscope.made.Made;
import org.genscope.made.MadeFile;
import org.genscope.nn.Rng;

/** {@code genscope sample made MODEL [--n 16] [--out FILE]}: ancestral samples as a PNG grid or CSV. */
final class MadeSample implements ModelVerb {
    @Override
    public String usage() {
        return """
                genscope sample made MODEL.safetensors [--n 16] [--out samples.png|samples.csv] [--seed 1]
                                     [--mask K] [--image ROWSxCOLS] [--columns C] [--scale S]
                  Draws n samples by ancestral sampling in the model's ordering (mask K, default 0). Image
                  models (trained on images, or given --image) write a PNG grid (C per row, each pixel S×S);
                  other models, or an --out ending in .csv, write one sample per CSV row.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, "n", "out", "seed", "mask", "image", "columns", "scale");
        String file = Options.positional(o, "MODEL file");
        int n = (int) Options.integer(o, "n", 16, 1, 100_000);
        long seed = Options.integer(o, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Options.integer(o, "columns", 1, 1, 10_000);
        Options.integer(o, "scale", 1, 1, 32);
        Made made = MadeEval.load(file);
        made.useMask((int) Options.integer(o, "mask", 0, 0, made.numMasks() - 1));
        int[] shape = imageShape(o, file, made.inputs());
        String outName = o.getOrDefault("out", shape != null ? "samples.png" : "samples.csv");
        Path target = CliFiles.output(outName, "out", shape != null ? "samples.png" : "samples.csv");
        float[] s = made.sample(n, new Rng(seed));
        Finite.samples(s, made.inputs(), file);
        if (shape != null && !outName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            int columns = (int) Options.integer(o, "columns", (int) Math.ceil(Math.sqrt(n)), 1, 10_000);
            int scale = (int) Options.integer(o, "scale", 2, 1, 32);
            CliFiles.write(target, f -> PngGrid.write(f, s, n, shape[0], shape[1], columns, scale));
        } else {
            FMatrixRMaj x = new FMatrixRMaj(n, made.inputs());
            System.arraycopy(s, 0, x.data, 0, s.length);
            CliFiles.write(target, f -> CsvWriter.write(f, new Dataset("samples", file, x, null, 0, 0)));
        }
        out.println("wrote " + n + " samples to " + target);
        return 0;
    }

    /** {rows, cols} from --image, else the model file's made.image, else null. */
    private static int[] imageShape(Map<String, String> o, String file, int d) throws UsageException, CliException {
        String v = o.get("image");
        if (v != null) {
            int[] shape = parseImage(v, d);
            if (shape == null) throw new UsageException("--image must be ROWSxCOLS with ROWS·COLS = " + d + ", got " + Quoted.of(v));
            return shape;
        }
        ModelFile f = CliFiles.model(file, ModelFile::read);
        v = f.meta(MadeFile.IMAGE).orElse(null);
        if (v == null) return null;
        int[] shape = parseImage(v, d);
        if (shape == null) throw new CliException(f.badMeta(MadeFile.IMAGE, v, "ROWSxCOLS with ROWS·COLS = " + d).getMessage());
        return shape;
    }

    /** {rows, cols} of "ROWSxCOLS" with rows·cols = d, or null. */
    private static int[] parseImage(String v, int d) {
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
